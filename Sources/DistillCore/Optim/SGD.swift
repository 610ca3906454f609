/// Stochastic gradient descent with PyTorch's `torch.optim.SGD` semantics (no dampening, no
/// Nesterov):
///   g ← g + λθ            (weight decay as L2 added to the gradient)
///   b ← μb + g            (momentum buffer; b = g on the first step)
///   θ ← θ − lr·b
public struct SGD: Optimizer {
    public struct Settings: Sendable, Hashable {
        public var learningRate: Float
        public var momentum: Float
        public var weightDecay: Float

        public init(learningRate: Float, momentum: Float = 0, weightDecay: Float = 0) {
            self.learningRate = learningRate
            self.momentum = momentum
            self.weightDecay = weightDecay
        }
    }

    public let settings: Settings
    private var momentumBuffer: [Float]
    private var isFirstStep = true

    public init(_ settings: Settings, parameterCount: Int) {
        self.settings = settings
        momentumBuffer = [Float](repeating: 0, count: settings.momentum == 0 ? 0 : parameterCount)
    }

    public mutating func step(parameters: UnsafeMutableBufferPointer<Float>, gradients: UnsafeBufferPointer<Float>) {
        precondition(parameters.count == gradients.count, "one gradient per parameter")
        let (lr, mu, decay) = (settings.learningRate, settings.momentum, settings.weightDecay)
        let isFirstStep = self.isFirstStep
        momentumBuffer.withUnsafeMutableBufferPointer { buffer in
            for i in 0..<parameters.count {
                var g = gradients[i]
                if decay != 0 { g += decay * parameters[i] }
                if mu != 0 {
                    buffer[i] = isFirstStep ? g : mu * buffer[i] + g
                    g = buffer[i]
                }
                parameters[i] -= lr * g
            }
        }
        self.isFirstStep = false
    }
}
