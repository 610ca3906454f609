/// The loss a training run minimises, with its gradient with respect to the logits.
public protocol TrainingObjective: Sendable {
    /// The mean loss over the batch of examples `examples` (indices into the training set) and
    /// ∂loss/∂logits, [batch, classes], for those logits.
    func evaluate(logits: Matrix, examples: [Int]) -> LossEvaluation
}

public struct LossEvaluation: Sendable {
    /// Mean over the batch.
    public let loss: Double
    /// ∂loss/∂logits, row-major [batch, classes].
    public let logitGradient: [Float]
}
