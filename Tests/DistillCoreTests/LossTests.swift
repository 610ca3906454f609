import Foundation
import Testing
@testable import DistillCore

@Suite struct LossTests {
    @Test func distillationLossMatchesTheReferenceValues() {
        let soft = DistillationLoss<Double>(temperature: 2, alpha: 1)
        let (value, gradient) = soft.lossAndGradient(student: Reference.student, teacher: Reference.teacher, labels: Reference.labels)
        #expect(isApproximatelyEqual(value.kl, 0.0909142, absolute: 5e-7))        // batchmean KL
        #expect(isApproximatelyEqual(value.kl / 3, 0.0303047, absolute: 5e-7))    // PyTorch 'mean': KL / C
        #expect(isApproximatelyEqual(value.total, 0.3636570, absolute: 5e-7))     // T²·batchmean KL
        #expect(isApproximatelyEqual(value.crossEntropy, 0.5930345, absolute: 5e-7))
        #expect(isApproximatelyEqual(gradient.values, [-0.157618, 0.131770, 0.025847, 0.023802, -0.215982, 0.192180], absolute: 5e-7))

        let mixed = DistillationLoss<Double>(temperature: 2, alpha: 0.9)
        #expect(isApproximatelyEqual(mixed.lossAndGradient(student: Reference.student, teacher: Reference.teacher,
                                                           labels: Reference.labels).value.total, 0.3865947, absolute: 5e-7))
    }

    @Test func crossEntropyOnASmallCase() {
        // CE = mean(−log softmax(z)_y): log-sum-exp by hand.
        let logits = Matrix<Double>(rows: 2, columns: 2, values: [0, 0, 3, 1])
        let expected = (log(2.0) + (log(exp(3.0) + exp(1.0)) - 1)) / 2
        #expect(isApproximatelyEqual(CrossEntropy.loss(logits: logits, labels: [0, 1]), expected, absolute: 1e-12))
    }

    @Test func klOfIdenticalDistributionsIsZero() {
        let loss = DistillationLoss<Double>(temperature: 3, alpha: 1)
        let (value, gradient) = loss.lossAndGradient(student: Reference.teacher, teacher: Reference.teacher, labels: Reference.labels)
        #expect(abs(value.kl) < 1e-15)
        #expect(gradient.values.allSatisfy { abs($0) < 1e-15 })
    }
}
