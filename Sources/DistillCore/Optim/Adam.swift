/// Adam (Kingma & Ba 2015) in the operation order of PyTorch's `torch.optim.Adam`
/// (single-tensor path), so a run can be replayed step for step:
///   g ← g + λθ
///   m ← β₁m + (1−β₁)g,  v ← β₂v + (1−β₂)g²
///   θ ← θ − (lr / (1−β₁ᵗ)) · m / (√v / √(1−β₂ᵗ) + ε)
/// The bias corrections are computed in double precision, as Python does.
public struct Adam: Optimizer {
    public struct Settings: Sendable, Hashable {
        public var learningRate: Float
        public var beta1: Float
        public var beta2: Float
        public var epsilon: Float
        public var weightDecay: Float

        public init(learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999,
                    epsilon: Float = 1e-8, weightDecay: Float = 0) {
            self.learningRate = learningRate
            self.beta1 = beta1
            self.beta2 = beta2
            self.epsilon = epsilon
            self.weightDecay = weightDecay
        }
    }

    public let settings: Settings
    private var firstMoment: [Float]
    private var secondMoment: [Float]
    /// β₁ᵗ and β₂ᵗ, kept as running products (not `pow`, whose last bit may vary between
    /// C libraries) in double precision.
    private var beta1Power = 1.0
    private var beta2Power = 1.0

    public init(_ settings: Settings, parameterCount: Int) {
        self.settings = settings
        firstMoment = [Float](repeating: 0, count: parameterCount)
        secondMoment = [Float](repeating: 0, count: parameterCount)
    }

    public mutating func step(parameters: UnsafeMutableBufferPointer<Float>, gradients: UnsafeBufferPointer<Float>) {
        precondition(parameters.count == gradients.count, "one gradient per parameter")
        beta1Power *= Double(settings.beta1)
        beta2Power *= Double(settings.beta2)
        let (beta1, beta2, epsilon, decay) = (settings.beta1, settings.beta2, settings.epsilon, settings.weightDecay)
        let biasCorrection1 = 1 - beta1Power
        let biasCorrection2 = 1 - beta2Power
        let stepSize = Float(Double(settings.learningRate) / biasCorrection1)
        let biasCorrection2Root = Float(biasCorrection2.squareRoot())
        firstMoment.withUnsafeMutableBufferPointer { m in
            secondMoment.withUnsafeMutableBufferPointer { v in
                // Eight lanes at a time, then the tail; every lane does the same operations in the
                // same order as the scalar formula, so the split does not change any result.
                let count = parameters.count
                var i = 0
                let (theta, g0) = (UnsafeMutableRawPointer(parameters.baseAddress!), UnsafeRawPointer(gradients.baseAddress!))
                let (mRaw, vRaw) = (UnsafeMutableRawPointer(m.baseAddress!), UnsafeMutableRawPointer(v.baseAddress!))
                let lanes = MemoryLayout<SIMD8<Float>>.size
                while i + 8 <= count {
                    let byteOffset = i * MemoryLayout<Float>.stride
                    var g = g0.loadUnaligned(fromByteOffset: byteOffset, as: SIMD8<Float>.self)
                    let old = theta.loadUnaligned(fromByteOffset: byteOffset, as: SIMD8<Float>.self)
                    if decay != 0 { g += decay * old }
                    var mi = mRaw.loadUnaligned(fromByteOffset: byteOffset, as: SIMD8<Float>.self)
                    var vi = vRaw.loadUnaligned(fromByteOffset: byteOffset, as: SIMD8<Float>.self)
                    mi += (g - mi) * (1 - beta1)  // PyTorch's lerp_
                    vi = vi * beta2 + (1 - beta2) * g * g
                    let denominator = vi.squareRoot() / biasCorrection2Root + epsilon
                    mRaw.storeBytes(of: mi, toByteOffset: byteOffset, as: SIMD8<Float>.self)
                    vRaw.storeBytes(of: vi, toByteOffset: byteOffset, as: SIMD8<Float>.self)
                    theta.storeBytes(of: old - stepSize * (mi / denominator), toByteOffset: byteOffset, as: SIMD8<Float>.self)
                    i += lanes / MemoryLayout<Float>.stride
                }
                for i in i..<count {
                    var g = gradients[i]
                    if decay != 0 { g += decay * parameters[i] }
                    m[i] += (g - m[i]) * (1 - beta1)
                    v[i] = v[i] * beta2 + (1 - beta2) * g * g
                    let denominator = v[i].squareRoot() / biasCorrection2Root + epsilon
                    parameters[i] -= stepSize * (m[i] / denominator)
                }
            }
        }
    }
}
