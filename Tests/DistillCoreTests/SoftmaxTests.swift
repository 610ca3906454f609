import Testing
@testable import DistillCore

@Suite struct SoftmaxTests {
    // softmax([2, 1, 0.1]) at T = 1, 2, 5, 10, computed by hand (exp and a sum, in Python).
    @Test(arguments: [
        (1, [0.659001, 0.242433, 0.098566]),
        (2, [0.501688, 0.304289, 0.194023]),
        (5, [0.399586, 0.327153, 0.273261]),
        (10, [0.366059, 0.331224, 0.302716]),
    ] as [(Double, [Double])])
    func handComputedValues(temperature: Double, expected: [Double]) {
        let q = Softmax.probabilities(Matrix<Double>(rows: 1, columns: 3, values: [2, 1, 0.1]), temperature: temperature)
        #expect(isApproximatelyEqual(q.values, expected, absolute: 5e-7, relative: 0))
    }

    // KD-FACTS.md: softmax([5, 2, 0]) at T = 1, 2, 5, 10, 20 (values to 4 decimals).
    @Test(arguments: [
        (1, [0.9465, 0.0471, 0.0064]),
        (2, [0.7662, 0.1710, 0.0629]),
        (5, [0.5217, 0.2863, 0.1919]),
        (10, [0.4260, 0.3156, 0.2584]),
        (20, [0.3789, 0.3261, 0.2951]),
    ] as [(Float, [Double])])
    func temperatureSoftensTheDistribution(temperature: Float, expected: [Double]) {
        let q = Softmax.probabilities(Matrix<Float>(rows: 1, columns: 3, values: [5, 2, 0]), temperature: temperature)
        #expect(isApproximatelyEqual(q.values.map(Double.init), expected, absolute: 5e-5, relative: 0))
    }

    @Test func referenceBatchAtTemperatureTwo() {
        let q = Softmax.probabilities(Reference.teacher, temperature: 2)
        #expect(isApproximatelyEqual(q.values, [0.619396, 0.227863, 0.152741, 0.238627, 0.648654, 0.112719], absolute: 1e-6))
        let s = Softmax.probabilities(Reference.student, temperature: 2)
        #expect(isApproximatelyEqual(s.values, [0.461778, 0.359633, 0.178589, 0.262429, 0.432672, 0.304899], absolute: 1e-6))
    }

    @Test func hugeLogitsStayFiniteAndExact() {
        let logits = Matrix<Float>(rows: 2, columns: 3, values: [1e4, -1e4, 0, -1e4, -1e4, -1e4])
        let q = Softmax.probabilities(logits, temperature: 0.5)
        let logQ = Softmax.logProbabilities(logits, temperature: 0.5)
        #expect(q.values.allSatisfy { $0.isFinite } && logQ.values.allSatisfy { $0.isFinite })
        #expect(q.values[0] == 1)
        #expect(isApproximatelyEqual(Double(q.values[3]), 1.0 / 3.0, absolute: 1e-7))
        #expect(isApproximatelyEqual(Double(logQ.values[3]), -1.0986123, absolute: 1e-6))
    }
}

/// The reference batch of KD-FACTS.md: teacher and student logits, labels [0, 1], T = 2.
enum Reference {
    static let teacher = Matrix<Double>(rows: 2, columns: 3, values: [3.0, 1.0, 0.2, 0.5, 2.5, -1.0])
    static let student = Matrix<Double>(rows: 2, columns: 3, values: [2.0, 1.5, 0.1, 0.0, 1.0, 0.3])
    static let labels = [0, 1]
}

/// The block version of log-softmax (eight rows in the lanes of vectors) must give the bits of
/// the scalar definition, one logit at a time: the report may not change by a bit when it is used.
@Suite struct SoftmaxRowsTests {
    /// The definition, written out plainly: z/T, minus the row's maximum, scalar exponentials,
    /// their sum in Double in index order, log and reciprocal of the sum.
    static func scalarRow(_ z: ArraySlice<Float>, temperature: Float) -> (log: [Float], p: [Float]) {
        let scaled = z.map { $0 / temperature }
        let maximum = scaled.reduce(-Float.infinity) { max($0, $1) }
        let shifted = scaled.map { $0 - maximum }
        let e = shifted.map { exponential($0) }
        var sum = 0.0
        for value in e { sum += Double(value) }
        let logSum = Float(logarithm(sum)), inverse = Float(1 / sum)
        return (shifted.map { $0 - logSum }, e.map { $0 * inverse })
    }

    @Test(arguments: [(1, 3), (5, 3), (8, 3), (13, 10), (40, 7), (3, 2), (9, 17), (16, 1)])
    func blockEqualsScalarDefinition(rows: Int, columns: Int) {
        var generator = SeededGenerator(seed: UInt64(rows * 100 + columns))
        var z = (0..<(rows * columns)).map { _ in Float(Int(generator.next() % 4001) - 2000) / 97 }
        // Extremes: a tie, a logit of −∞, logits of ±1e4 (exponentials that underflow to 0).
        z[0] = -.infinity
        if z.count > 4 { (z[3], z[4]) = (1e4, -1e4) }
        if z.count > 6 { z[6] = z[5] }
        for temperature: Float in [1, 4, 0.5] {
            var expectedLog = [Float](), expectedP = [Float]()
            for r in 0..<rows {
                let row = Self.scalarRow(z[(r * columns)..<((r + 1) * columns)], temperature: temperature)
                expectedLog += row.log
                expectedP += row.p
            }
            var blockLog = [Float](repeating: 0, count: z.count), blockP = blockLog, rowLog = blockLog
            z.withUnsafeBufferPointer { z in
                blockLog.withUnsafeMutableBufferPointer { out in
                    blockP.withUnsafeMutableBufferPointer { p in
                        Softmax.logSoftmaxRows(z.baseAddress!, rows: rows, columns: columns, temperature: temperature,
                                               into: out.baseAddress!, probabilities: p.baseAddress!)
                    }
                }
                for r in 0..<rows {  // one row at a time, without the probabilities
                    Softmax.logSoftmaxRow(z.baseAddress! + r * columns, count: columns, temperature: temperature,
                                          into: &rowLog[r * columns])
                }
            }
            #expect(blockLog.map(\.bitPattern) == expectedLog.map(\.bitPattern))
            #expect(blockP.map(\.bitPattern) == expectedP.map(\.bitPattern))
            #expect(rowLog.map(\.bitPattern) == expectedLog.map(\.bitPattern))
        }
    }

    @Test func vectorLogarithmHasTheScalarBits() {
        var generator = SeededGenerator(seed: 5)
        for _ in 0..<2000 {
            let x = SIMD8<Double>((0..<8).map { _ in 1 + Double(generator.next() % 1_000_000) / 997 })
            let vector = logarithm(x)
            for lane in 0..<8 { #expect(vector[lane].bitPattern == logarithm(x[lane]).bitPattern) }
        }
    }
}

/// The Float cross-entropy runs in the lanes of vectors; its loss and gradient must have the bits
/// of the scalar definition: −log q at each label summed in Double in row order, and
/// (q − onehot(label)) / batch.
@Suite struct CrossEntropyLanesTests {
    @Test(arguments: [(1, 3), (7, 3), (8, 3), (13, 10), (120, 3), (17, 2)])
    func lanesEqualScalarDefinition(batch: Int, classes: Int) {
        var generator = SeededGenerator(seed: UInt64(batch * 31 + classes))
        let z = (0..<(batch * classes)).map { _ in Float(Int(generator.next() % 4001) - 2000) / 211 }
        let labels = (0..<batch).map { _ in Int(generator.next() % UInt64(classes)) }
        var expectedTotal = 0.0
        var expectedGradient = [Float]()
        for (r, label) in labels.enumerated() {
            let row = SoftmaxRowsTests.scalarRow(z[(r * classes)..<((r + 1) * classes)], temperature: 1)
            expectedTotal -= Double(row.log[label])
            expectedGradient += row.p.enumerated().map { c, q in (q - (c == label ? 1 : 0)) / Float(batch) }
        }
        var gradient = [Float](repeating: .nan, count: z.count)
        let loss = z.withUnsafeBufferPointer { z in
            gradient.withUnsafeMutableBufferPointer {
                CrossEntropy.evaluate(logits: z.baseAddress!, labels: labels, classes: classes, gradient: $0.baseAddress!)
            }
        }
        #expect(loss.bitPattern == (expectedTotal / Double(batch)).bitPattern)
        #expect(gradient.map(\.bitPattern) == expectedGradient.map(\.bitPattern))
    }
}
