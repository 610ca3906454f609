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

/// The block version of log-softmax must give the row-by-row version's bits exactly: the
/// report may not change by a bit when it is used.
@Suite struct SoftmaxRowsTests {
    @Test(arguments: [(1, 3), (5, 3), (8, 3), (13, 10), (40, 7), (3, 2), (9, 17)])
    func blockEqualsRows(rows: Int, columns: Int) {
        var generator = SeededGenerator(seed: UInt64(rows * 100 + columns))
        let z = (0..<(rows * columns)).map { _ in Float(Int(generator.next() % 4001) - 2000) / 97 }
        for temperature: Float in [1, 4, 0.5] {
            var rowLog = [Float](repeating: 0, count: z.count), rowP = rowLog, blockLog = rowLog, blockP = rowLog
            z.withUnsafeBufferPointer { z in
                for r in 0..<rows {
                    Softmax.logSoftmaxRow(z.baseAddress! + r * columns, count: columns, temperature: temperature,
                                          into: &rowLog[r * columns], probabilities: &rowP[r * columns])
                }
                blockLog.withUnsafeMutableBufferPointer { out in
                    blockP.withUnsafeMutableBufferPointer { p in
                        Softmax.logSoftmaxRows(z.baseAddress!, rows: rows, columns: columns, temperature: temperature,
                                               into: out.baseAddress!, probabilities: p.baseAddress!)
                    }
                }
            }
            #expect(blockLog.map(\.bitPattern) == rowLog.map(\.bitPattern))
            #expect(blockP.map(\.bitPattern) == rowP.map(\.bitPattern))
        }
    }

    @Test func vectorLogarithmHasTheScalarBits() {
        var generator = SeededGenerator(seed: 5)
        for _ in 0..<2000 {
            let x = SIMD4<Double>((0..<4).map { _ in 1 + Double(generator.next() % 1_000_000) / 997 })
            let vector = logarithm(x)
            for lane in 0..<4 { #expect(vector[lane].bitPattern == logarithm(x[lane]).bitPattern) }
        }
    }
}
