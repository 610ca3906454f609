#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The element-wise non-linearity between hidden layers.
public enum Activation: String, Sendable, Hashable, CaseIterable {
    case relu
    case tanh

    /// In place: values ← f(values). `count` elements.
    func forward(_ values: UnsafeMutablePointer<Float>, count: Int) {
        switch self {
        case .relu:
            for i in 0..<count where values[i] < 0 { values[i] = 0 }
        case .tanh:
            for i in 0..<count { values[i] = tanhf(values[i]) }
        }
    }

    /// In place: gradient ← gradient · f′, given the activation's *output* (for ReLU the output
    /// is positive exactly where the input was; for tanh f′ = 1 − y²).
    func backward(output: UnsafePointer<Float>, gradient: UnsafeMutablePointer<Float>, count: Int) {
        switch self {
        case .relu:
            for i in 0..<count where output[i] <= 0 { gradient[i] = 0 }
        case .tanh:
            for i in 0..<count { gradient[i] *= 1 - output[i] * output[i] }
        }
    }
}
