/// Counts of (true class, predicted class) pairs: `counts[truth][prediction]`.
public struct ConfusionMatrix: Sendable, Equatable {
    public let counts: [[Int]]

    public init(predictions: [Int], labels: [Int], classes: Int) {
        precondition(predictions.count == labels.count, "one prediction per label")
        var counts = Array(repeating: Array(repeating: 0, count: classes), count: classes)
        for (prediction, label) in zip(predictions, labels) { counts[label][prediction] += 1 }
        self.counts = counts
    }

    public init(logits: Matrix<Float>, labels: [Int]) {
        self.init(predictions: logits.argmaxPerRow(), labels: labels, classes: logits.columns)
    }
}
