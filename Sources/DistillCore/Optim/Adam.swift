import CMatrixKernels

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
        let biasCorrection1 = 1 - beta1Power
        let biasCorrection2 = 1 - beta2Power
        let stepSize = Float(Double(settings.learningRate) / biasCorrection1)
        let biasCorrection2Root = Float(biasCorrection2.squareRoot())
        let adamStep = MKAdamStep(beta1: settings.beta1, beta2: settings.beta2, epsilon: settings.epsilon,
                                  decay: settings.weightDecay, step_size: stepSize,
                                  bias_correction2_root: biasCorrection2Root)
        firstMoment.withUnsafeMutableBufferPointer { m in
            secondMoment.withUnsafeMutableBufferPointer { v in
                let update = AdamUpdate(theta: parameters.baseAddress!, gradient: gradients.baseAddress!,
                                        m: m.baseAddress!, v: v.baseAddress!, step: adamStep)
                // Each parameter's update is independent of the others: large models split the
                // buffer between two cores (same bits either way).
                let count = parameters.count, parts = count >= parallelUpdateThreshold ? 2 : 1
                runParts(parts) { part in update.apply(slice(part, of: parts, count: count, alignment: 8)) }
            }
        }
    }
}

/// Below this many parameters one core updates them all.
private let parallelUpdateThreshold = 1 << 16

/// One Adam step over a range of the parameter buffer, in the compiled kernel (`CMatrixKernels`):
/// eight lanes at a time with a vector square root (Swift's `SIMD.squareRoot()` takes the
/// lanes one by one), AVX where the machine has it; the same bits as one parameter at a time.
private struct AdamUpdate: @unchecked Sendable {
    let theta: UnsafeMutablePointer<Float>
    let gradient: UnsafePointer<Float>
    let m: UnsafeMutablePointer<Float>
    let v: UnsafeMutablePointer<Float>
    let step: MKAdamStep

    func apply(_ range: Range<Int>) {
        let i = range.lowerBound
        mk_adam_update(FloatKernel.selected.compiled, theta + i, gradient + i, m + i, v + i, range.count, step)
    }
}
