/// The element-wise non-linearity between hidden layers.
public enum Activation: String, Sendable, Hashable, CaseIterable {
    case relu
    case tanh

    /// In place: values ← f(values).
    func forward<T: TrainingScalar>(_ values: UnsafeMutablePointer<T>, count: Int) {
        switch self {
        case .relu:
            // A select, not a branch: signs of hidden units are a coin toss the predictor loses.
            for i in 0..<count { values[i] = values[i] < 0 ? 0 : values[i] }
        case .tanh:
            for i in 0..<count { values[i] = T.hyperbolicTangent(values[i]) }
        }
    }

    /// In place: gradient ← gradient · f′, given the activation's *output* y (ReLU: f′ = 1
    /// where y > 0, else 0 — PyTorch's choice at 0; tanh: f′ = 1 − y²).
    func backward<T: TrainingScalar>(output: UnsafePointer<T>, gradient: UnsafeMutablePointer<T>, count: Int) {
        switch self {
        case .relu:
            for i in 0..<count { gradient[i] = output[i] <= 0 ? 0 : gradient[i] }
        case .tanh:
            for i in 0..<count { gradient[i] *= 1 - output[i] * output[i] }
        }
    }
}
