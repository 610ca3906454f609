/// An optimiser updates a flat parameter buffer from a gradient of the same length.
public protocol Optimizer: Sendable {
    mutating func step(parameters: inout [Float], gradients: [Float])
}

/// Which optimiser to use and its hyper-parameters; `makeOptimizer` builds a fresh one.
public enum OptimizerConfiguration: Sendable, Hashable {
    case sgd(SGD.Settings)
    case adam(Adam.Settings)

    public func makeOptimizer(parameterCount: Int) -> any Optimizer {
        switch self {
        case .sgd(let settings): SGD(settings, parameterCount: parameterCount)
        case .adam(let settings): Adam(settings, parameterCount: parameterCount)
        }
    }

    public var learningRate: Float {
        switch self {
        case .sgd(let settings): settings.learningRate
        case .adam(let settings): settings.learningRate
        }
    }
}
