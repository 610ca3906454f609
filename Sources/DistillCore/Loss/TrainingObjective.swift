/// The loss a training run minimises, over a batch of training examples.
public protocol TrainingObjective: Sendable {
    /// The mean loss of the batch whose logits are `logits` ([batch, classes], row r belongs to
    /// training example `examples[r]`); writes ∂loss/∂logits into `gradient`.
    func evaluate(logits: UnsafePointer<Float>, examples: ArraySlice<Int>, classes: Int,
                  gradient: UnsafeMutablePointer<Float>) -> Double
}

/// Training on hard labels: cross-entropy against the training set's labels.
public struct HardLabelObjective: TrainingObjective {
    public let labels: [Int]

    public init(labels: [Int]) { self.labels = labels }

    public func evaluate(logits: UnsafePointer<Float>, examples: ArraySlice<Int>, classes: Int,
                         gradient: UnsafeMutablePointer<Float>) -> Double {
        CrossEntropy.evaluate(logits: logits, labels: examples.lazy.map { labels[$0] }, classes: classes, gradient: gradient)
    }
}

/// Training a student on a teacher's soft targets (and the hard labels, weighted 1 − α).
/// The teacher's log-probabilities at the temperature are computed once for the whole
/// training set: the teacher is fixed, so no step needs a teacher forward pass.
public struct DistillationObjective: TrainingObjective {
    public let loss: DistillationLoss<Float>
    public let labels: [Int]
    /// The teacher's log softmax(t/T), [training examples, classes].
    public let teacherLogProbabilities: Matrix<Float>

    public init(loss: DistillationLoss<Float>, labels: [Int], teacherLogits: Matrix<Float>) {
        precondition(teacherLogits.rows == labels.count, "one teacher row per training example")
        self.loss = loss
        self.labels = labels
        teacherLogProbabilities = Softmax.logProbabilities(teacherLogits, temperature: loss.temperature)
    }

    public func evaluate(logits: UnsafePointer<Float>, examples: ArraySlice<Int>, classes: Int,
                         gradient: UnsafeMutablePointer<Float>) -> Double {
        withUnsafeTemporaryAllocation(of: Float.self, capacity: examples.count * classes) { batchTargets in
            teacherLogProbabilities.values.withUnsafeBufferPointer { all in
                for (row, example) in examples.enumerated() {
                    (batchTargets.baseAddress! + row * classes).update(from: all.baseAddress! + example * classes, count: classes)
                }
            }
            return loss.evaluate(student: logits, teacherLogProbabilities: batchTargets.baseAddress!,
                                 labels: examples.lazy.map { labels[$0] }, classes: classes, gradient: gradient).total
        }
    }
}
