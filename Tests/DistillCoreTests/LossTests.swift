import Digest
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

@Suite struct LanesLossTests {
    /// The eight-lane Float kernel against the generic row-by-row one, on random batches of
    /// ragged sizes, several temperatures and weights.
    @Test(arguments: [(1, 3, Float(1), Float(0.5)), (7, 3, 4, 0.9), (13, 10, 2, 0), (17, 4, 20, 1), (120, 3, 4, 0.9)])
    func matchesTheRowByRowKernel(batch: Int, classes: Int, temperature: Float, alpha: Float) {
        var generator = SeededGenerator(seed: UInt64(batch * 31 + classes))
        let examples = (0..<(batch + 5)).map { _ in generator.nextIndex(below: batch + 5) }.prefix(batch)
        let rows = batch + 5
        let teacher = Matrix<Float>(rows: rows, columns: classes, values: (0..<(rows * classes)).map { _ in generator.nextFloat(in: -8, 8) })
        let student = (0..<(batch * classes)).map { _ in generator.nextFloat(in: -6, 6) }
        let labels = (0..<rows).map { _ in generator.nextIndex(below: classes) }
        let loss = DistillationLoss<Float>(temperature: temperature, alpha: alpha)
        let p = Softmax.probabilities(teacher, temperature: temperature), logP = Softmax.logProbabilities(teacher, temperature: temperature)
        var rowGradient = [Float](repeating: 0, count: batch * classes), laneGradient = rowGradient
        let (rowValue, laneValue) = p.values.withUnsafeBufferPointer { p in
            logP.values.withUnsafeBufferPointer { logP in
                labels.withUnsafeBufferPointer { y in
                    student.withUnsafeBufferPointer { s in
                        (rowGradient.withUnsafeMutableBufferPointer {
                            loss.evaluate(student: s.baseAddress!, teacherProbabilities: p.baseAddress!, teacherLogProbabilities: logP.baseAddress!,
                                          labels: y.baseAddress!, examples: examples, classes: classes, gradient: $0.baseAddress!)
                        }, laneGradient.withUnsafeMutableBufferPointer {
                            loss.evaluateInLanes(student: s.baseAddress!, teacherProbabilities: p.baseAddress!,
                                                 teacherLogProbabilities: logP.baseAddress!, labels: y.baseAddress!,
                                                 examples: examples, classes: classes, gradient: $0.baseAddress!)
                        })
                    }
                }
            }
        }
        #expect(isApproximatelyEqual(laneValue.total, rowValue.total, absolute: 1e-5, relative: 1e-5))
        #expect(isApproximatelyEqual(laneValue.kl, rowValue.kl, absolute: 1e-5, relative: 1e-5))
        #expect(isApproximatelyEqual(laneValue.crossEntropy, rowValue.crossEntropy, absolute: 1e-5, relative: 1e-5))
        #expect(isApproximatelyEqual(laneGradient.map(Double.init), rowGradient.map(Double.init), absolute: 1e-6, relative: 1e-4))
    }

    /// The eight-lane kernel's own bits, pinned (the report depends on them): loss terms and
    /// gradient for ragged batches (partial groups of lanes) over shuffled examples.
    @Test(arguments: [
        (13, 10, Float(4), Float(0.7), [UInt64(4622744381403493824), 4606066589951368586, 4618558045877940539, 4075826066604332230]),
        (7, 3, 1, 0.5, [4618715234688378002, 4617665879803728457, 4619764589573027547, 3583449095761536021]),
        (32, 3, 2, 1, [4618903985188765696, 4609896785934024704, 4615875373672812544, 12566317069054644324]),
    ])
    func laneKernelBitsArePinned(batch: Int, classes: Int, temperature: Float, alpha: Float, expected: [UInt64]) {
        var generator = SeededGenerator(seed: UInt64(batch * 7 + classes))
        let rows = batch + 3
        let examples = (0..<rows).map { _ in generator.nextIndex(below: rows) }.prefix(batch)
        let teacher = Matrix<Float>(rows: rows, columns: classes, values: (0..<(rows * classes)).map { _ in generator.nextFloat(in: -8, 8) })
        let student = (0..<(batch * classes)).map { _ in generator.nextFloat(in: -6, 6) }
        let labels = (0..<rows).map { _ in generator.nextIndex(below: classes) }
        let loss = DistillationLoss<Float>(temperature: temperature, alpha: alpha)
        let p = Softmax.probabilities(teacher, temperature: temperature), logP = Softmax.logProbabilities(teacher, temperature: temperature)
        var gradient = [Float](repeating: 0, count: batch * classes)
        let value = gradient.withUnsafeMutableBufferPointer { g in
            loss.evaluateInLanes(student: student, teacherProbabilities: p.values, teacherLogProbabilities: logP.values,
                                 labels: labels, examples: examples, classes: classes, gradient: g.baseAddress!)
        }
        let gradientHash = FNV1a.hash64(gradient.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian, Array.init) })
        let bits = [value.total.bitPattern, value.kl.bitPattern, value.crossEntropy.bitPattern, gradientHash]
        #expect(bits == expected)
    }

    @Test func eightLaneLogarithm() {
        for i in 0..<1000 {
            let x = 1 + Float(i) * 0.37
            let lanes = logarithm(SIMD8<Float>(repeating: x))
            #expect(abs(Double(lanes[0]) - log(Double(x))) <= 3 * Double(Float.ulpOfOne) * max(1, log(Double(x))))
        }
    }
}
