/// An optimiser updates a flat parameter buffer from a gradient of the same length.
public protocol Optimizer: Sendable {
    mutating func step(parameters: UnsafeMutableBufferPointer<Float>, gradients: UnsafeBufferPointer<Float>)
}

extension Optimizer {
    /// One step on arrays (convenience for tests and small uses).
    public mutating func step(parameters: inout [Float], gradients: [Float]) {
        precondition(parameters.count == gradients.count, "one gradient per parameter")
        parameters.withUnsafeMutableBufferPointer { p in
            gradients.withUnsafeBufferPointer { g in step(parameters: p, gradients: g) }
        }
    }
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
