#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
    private var stepCount = 0

    public init(_ settings: Settings, parameterCount: Int) {
        self.settings = settings
        firstMoment = [Float](repeating: 0, count: parameterCount)
        secondMoment = [Float](repeating: 0, count: parameterCount)
    }

    public mutating func step(parameters: UnsafeMutableBufferPointer<Float>, gradients: UnsafeBufferPointer<Float>) {
        precondition(parameters.count == gradients.count, "one gradient per parameter")
        stepCount += 1
        let (beta1, beta2, epsilon, decay) = (settings.beta1, settings.beta2, settings.epsilon, settings.weightDecay)
        let biasCorrection1 = 1 - pow(Double(beta1), Double(stepCount))
        let biasCorrection2 = 1 - pow(Double(beta2), Double(stepCount))
        let stepSize = Float(Double(settings.learningRate) / biasCorrection1)
        let biasCorrection2Root = Float(biasCorrection2.squareRoot())
        for i in parameters.indices {
            var g = gradients[i]
            if decay != 0 { g += decay * parameters[i] }
            firstMoment[i] += (g - firstMoment[i]) * (1 - beta1)  // PyTorch's lerp_
            secondMoment[i] = secondMoment[i] * beta2 + (1 - beta2) * g * g
            let denominator = secondMoment[i].squareRoot() / biasCorrection2Root + epsilon
            parameters[i] -= stepSize * (firstMoment[i] / denominator)
        }
    }
}
