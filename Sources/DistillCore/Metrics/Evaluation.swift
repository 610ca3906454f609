/// How well a network's logits fit a labelled set: the standard scores of a classifier.
public struct Evaluation: Sendable, Equatable {
    /// Fraction of examples whose largest logit is the label.
    public let accuracy: Double
    /// Mean cross-entropy = negative log-likelihood of the labels (nats per example).
    public let crossEntropy: Double
    /// Mean Brier score: Σ_c (p_c − [c = y])², from 0 (perfect) to 2.
    public let brierScore: Double
    /// Expected calibration error over 15 equal-width confidence bins (Guo et al. 2017).
    /// Biased and noisy for small sets (a few hundred examples or fewer): prefer NLL and Brier there.
    public let expectedCalibrationError: Double
    public let count: Int

    public init(logits: Matrix<Float>, labels: [Int]) {
        precondition(labels.count == logits.rows, "one label per row")
        count = labels.count
        guard !labels.isEmpty else {
            (accuracy, crossEntropy, brierScore, expectedCalibrationError) = (0, 0, 0, 0)
            return
        }
        // One log-softmax serves the cross-entropy (the same sum, in the same order, as
        // `CrossEntropy.loss`) and, exponentiated, the probabilities.
        let logProbabilities = Softmax.logProbabilities(logits)
        let probabilities = Softmax.probabilities(fromLog: logProbabilities)
        let predictions = logits.argmaxPerRow()
        accuracy = Double(zip(predictions, labels).filter { $0 == $1 }.count) / Double(count)
        var negativeLogLikelihood = 0.0
        for (r, label) in labels.enumerated() { negativeLogLikelihood -= Double(logProbabilities[r, label]) }
        crossEntropy = negativeLogLikelihood / Double(count)
        var brier = 0.0
        for (r, label) in labels.enumerated() {
            for c in 0..<logits.columns {
                let difference = Double(probabilities[r, c]) - (c == label ? 1 : 0)
                brier += difference * difference
            }
        }
        brierScore = brier / Double(count)
        let confidences = (0..<count).map { Double(probabilities[$0, predictions[$0]]) }
        expectedCalibrationError = Self.calibrationError(confidences: confidences,
                                                          correct: zip(predictions, labels).map { $0 == $1 })
    }

    /// Only the cross-entropy and accuracy, with the same bits as the full evaluation's: what
    /// training records after every epoch, without the probabilities, Brier score and ECE.
    public static func lossAndAccuracy(logits: Matrix<Float>, labels: [Int]) -> (crossEntropy: Double, accuracy: Double) {
        precondition(labels.count == logits.rows, "one label per row")
        guard !labels.isEmpty else { return (0, 0) }
        return logits.values.withUnsafeBufferPointer {
            lossAndAccuracy(logits: $0.baseAddress!, classes: logits.columns, labels: labels)
        }
    }

    /// The same for one label per row of `classes` logits at `logits`, allocating nothing on the
    /// heap for a small set (training calls it after every epoch).
    static func lossAndAccuracy(logits: UnsafePointer<Float>, classes: Int, labels: [Int]) -> (crossEntropy: Double, accuracy: Double) {
        guard !labels.isEmpty else { return (0, 0) }
        return (CrossEntropy.evaluate(logits: logits, labels: labels, classes: classes, gradient: nil),
                Double(correctPredictions(logits: logits, classes: classes, labels: labels)) / Double(labels.count))
    }

    /// ECE = Σ_b (n_b / n) · |accuracy_b − mean confidence_b| over 15 bins (b/15, (b+1)/15].
    static func calibrationError(confidences: [Double], correct: [Bool], bins: Int = 15) -> Double {
        guard confidences.allSatisfy(\.isFinite) else { return .nan }  // a diverged network
        var count = [Int](repeating: 0, count: bins)
        var confidenceSum = [Double](repeating: 0, count: bins)
        var correctSum = [Double](repeating: 0, count: bins)
        for (confidence, isCorrect) in zip(confidences, correct) {
            let bin = min(max(Int((confidence * Double(bins)).rounded(.up)) - 1, 0), bins - 1)
            count[bin] += 1
            confidenceSum[bin] += confidence
            correctSum[bin] += isCorrect ? 1 : 0
        }
        let total = Double(confidences.count)
        return (0..<bins).filter { count[$0] > 0 }.reduce(0) { sum, b in
            sum + Double(count[b]) / total * abs(correctSum[b] / Double(count[b]) - confidenceSum[b] / Double(count[b]))
        }
    }
}
