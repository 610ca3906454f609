/// Fraction of rows whose largest logit is at the label's index.
public func accuracy(logits: Matrix, labels: [Int]) -> Double {
    precondition(labels.count == logits.rows, "one label per row")
    guard !labels.isEmpty else { return 0 }
    let predictions = logits.argmaxPerRow()
    let correct = zip(predictions, labels).filter { $0 == $1 }.count
    return Double(correct) / Double(labels.count)
}
