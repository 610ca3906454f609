import Foundation
import Testing
@testable import DistillCore

@Suite struct MetricsTests {
    @Test func evaluationScores() {
        // Logits [0, 0] give p = (½, ½); [ln 3, 0] give p = (¾, ¼).
        let logits = Matrix<Float>(rows: 2, columns: 2, values: [0, 0, Float(log(3.0)), 0])
        let evaluation = Evaluation(logits: logits, labels: [1, 0])
        #expect(evaluation.accuracy == 0.5)   // the tie predicts class 0
        #expect(isApproximatelyEqual(evaluation.crossEntropy, (log(2.0) + log(4.0 / 3.0)) / 2, absolute: 1e-6))
        #expect(isApproximatelyEqual(evaluation.brierScore, (0.5 + 0.125) / 2, absolute: 1e-6))
        // Bins: confidence ½ (wrong) and ¾ (right): ECE = ½·|0 − ½| + ½·|1 − ¾| = 0.375.
        #expect(isApproximatelyEqual(evaluation.expectedCalibrationError, 0.375, absolute: 1e-6))
    }

    @Test func agreementWithTheTeacher() {
        let teacher = Matrix<Float>(rows: 3, columns: 2, values: [2, 0, 0, 2, 1, 0])
        let student = Matrix<Float>(rows: 3, columns: 2, values: [2, 0, 0, 2, 0, 1])
        let agreement = TeacherAgreement(student: student, teacher: teacher)
        #expect(isApproximatelyEqual(agreement.top1Agreement, 2.0 / 3.0))
        let p = 1 / (1 + exp(-1.0))  // softmax([1, 0])[0]
        let klThird = p * log(p / (1 - p)) + (1 - p) * log((1 - p) / p)
        #expect(isApproximatelyEqual(agreement.meanKL, klThird / 3, absolute: 1e-6))
    }

    @Test func confusionMatrixAndModelSize() {
        let confusion = ConfusionMatrix(predictions: [0, 1, 1, 2, 0], labels: [0, 1, 2, 2, 1], classes: 3)
        #expect(confusion.counts == [[1, 0, 0], [1, 1, 0], [0, 1, 1]])
        let architecture = MLPArchitecture(inputs: 64, hidden: [256, 256], outputs: 10)
        #expect(architecture.parameterCount == 64 * 256 + 256 + 256 * 256 + 256 + 256 * 10 + 10)
        #expect(architecture.multiplyAddsPerExample == 64 * 256 + 256 * 256 + 256 * 10)
    }

    @Test func lossAndAccuracyAreTheFullEvaluationsBits() {
        var generator = SeededGenerator(seed: 11)
        let logits = Matrix<Float>(rows: 37, columns: 5, values: (0..<185).map { _ in Float(Double(generator.next() % 2000) / 100 - 10) })
        let labels = (0..<37).map { $0 % 5 }
        let full = Evaluation(logits: logits, labels: labels)
        let light = Evaluation.lossAndAccuracy(logits: logits, labels: labels)
        #expect(light.crossEntropy.bitPattern == full.crossEntropy.bitPattern && light.accuracy == full.accuracy)
    }
}

/// The accuracy count in vector lanes must agree with `argmaxPerRow` row for row: the first
/// largest logit wins ties, and a NaN never wins.
@Suite struct CorrectPredictionsTests {
    @Test(arguments: [(1, 3), (7, 3), (8, 3), (13, 10), (120, 3), (17, 2), (9, 1)])
    func countMatchesArgmaxPerRow(rows: Int, classes: Int) {
        var generator = SeededGenerator(seed: UInt64(rows * 17 + classes))
        // Few distinct values, so ties are common.
        var values = (0..<(rows * classes)).map { _ in Float(Int(generator.next() % 5)) }
        values[0] = .nan
        if values.count > classes + 1 { values[classes + 1] = .infinity }
        let logits = Matrix(rows: rows, columns: classes, values: values)
        let labels = (0..<rows).map { _ in Int(generator.next() % UInt64(classes)) }
        let expected = zip(logits.argmaxPerRow(), labels).filter { $0 == $1 }.count
        let counted = values.withUnsafeBufferPointer {
            correctPredictions(logits: $0.baseAddress!, classes: classes, labels: labels)
        }
        #expect(counted == expected)
    }
}
