#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cross-entropy of integer labels under softmax(logits), averaged over the batch
/// (PyTorch's `F.cross_entropy` with the default `reduction='mean'`).
///
/// Gradient: ∂/∂z_i = (softmax(z)_i − [i = y]) / N.
public enum CrossEntropy {
    public static func evaluate(logits: Matrix, labels: [Int]) -> LossEvaluation {
        precondition(labels.count == logits.rows, "one label per row")
        let logProbabilities = Softmax.logProbabilities(logits)
        let n = Float(logits.rows)
        var total = 0.0
        var gradient = [Float](repeating: 0, count: logits.values.count)
        for (r, label) in labels.enumerated() {
            let start = r * logits.columns
            total -= Double(logProbabilities.values[start + label])
            for c in 0..<logits.columns {
                let p = expf(logProbabilities.values[start + c])
                gradient[start + c] = (p - (c == label ? 1 : 0)) / n
            }
        }
        return LossEvaluation(loss: total / Double(logits.rows), logitGradient: gradient)
    }

    /// Mean cross-entropy only, for evaluation.
    public static func loss(logits: Matrix, labels: [Int]) -> Double {
        evaluate(logits: logits, labels: labels).loss
    }
}

/// Training on hard labels: cross-entropy against the training set's labels.
public struct HardLabelObjective: TrainingObjective {
    public let labels: [Int]

    public init(labels: [Int]) { self.labels = labels }

    public func evaluate(logits: Matrix, examples: [Int]) -> LossEvaluation {
        CrossEntropy.evaluate(logits: logits, labels: examples.map { labels[$0] })
    }
}
