/// A batch's loss and, for a distillation, its two terms before weighting (batch means).
public struct LossTerms: Sendable, Equatable {
    public let total: Double
    /// T²·KL(p ‖ q), the soft term; NaN when training on labels alone.
    public let soft: Double
    /// Cross-entropy with the hard labels at T = 1.
    public let hard: Double

    public init(total: Double, soft: Double = .nan, hard: Double) {
        self.total = total
        self.soft = soft
        self.hard = hard
    }
}

/// The loss a training run minimises, over a batch of training examples.
public protocol TrainingObjective: Sendable {
    /// The mean loss of the batch whose logits are `logits` ([batch, classes], row r belongs to
    /// training example `examples[r]`), with its terms; writes ∂loss/∂logits into `gradient`.
    func evaluate(logits: UnsafePointer<Float>, examples: ArraySlice<Int>, classes: Int,
                  gradient: UnsafeMutablePointer<Float>) -> LossTerms
}

/// Training on hard labels: cross-entropy against the training set's labels.
public struct HardLabelObjective: TrainingObjective {
    public let labels: [Int]

    public init(labels: [Int]) { self.labels = labels }

    public func evaluate(logits: UnsafePointer<Float>, examples: ArraySlice<Int>, classes: Int,
                         gradient: UnsafeMutablePointer<Float>) -> LossTerms {
        let loss = CrossEntropy.evaluate(logits: logits, labels: BatchLabels(examples: examples, labels: labels),
                                         classes: classes, gradient: gradient)
        return LossTerms(total: loss, hard: loss)
    }
}

/// Training a student on a teacher's soft targets (and the hard labels, weighted 1 − α).
/// The teacher's log-probabilities at the temperature are computed once for the whole
/// training set: the teacher is fixed, so no step needs a teacher forward pass.
public struct DistillationObjective: TrainingObjective {
    public let loss: DistillationLoss<Float>
    public let labels: [Int]
    /// The teacher's softmax(t/T) and its log, [training examples, classes].
    public let teacherProbabilities: Matrix<Float>
    public let teacherLogProbabilities: Matrix<Float>

    public init(loss: DistillationLoss<Float>, labels: [Int], teacherLogits: Matrix<Float>) {
        precondition(teacherLogits.rows == labels.count, "one teacher row per training example")
        self.loss = loss
        self.labels = labels
        teacherLogProbabilities = Softmax.logProbabilities(teacherLogits, temperature: loss.temperature)
        teacherProbabilities = Softmax.probabilities(fromLog: teacherLogProbabilities)
    }

    public func evaluate(logits: UnsafePointer<Float>, examples: ArraySlice<Int>, classes: Int,
                         gradient: UnsafeMutablePointer<Float>) -> LossTerms {
        let temperatureSquared = Double(loss.temperature) * Double(loss.temperature)
        let value = teacherProbabilities.values.withUnsafeBufferPointer { p in
            teacherLogProbabilities.values.withUnsafeBufferPointer { logP in
                labels.withUnsafeBufferPointer { y in
                    loss.evaluateInLanes(student: logits, teacherProbabilities: p.baseAddress!,
                                         teacherLogProbabilities: logP.baseAddress!, labels: y.baseAddress!,
                                         examples: examples, classes: classes, gradient: gradient)
                }
            }
        }
        return LossTerms(total: value.total, soft: temperatureSquared * value.kl, hard: value.crossEntropy)
    }
}
