import Testing
@testable import DistillCore

@Suite struct SoftmaxTests {
    // KD-FACTS.md: softmax([5, 2, 0]) at T = 1, 2, 5, 10, 20 (values to 4 decimals).
    @Test(arguments: [
        (1, [0.9465, 0.0471, 0.0064]),
        (2, [0.7662, 0.1710, 0.0629]),
        (5, [0.5217, 0.2863, 0.1919]),
        (10, [0.4260, 0.3156, 0.2584]),
        (20, [0.3789, 0.3261, 0.2951]),
    ] as [(Float, [Double])])
    func temperatureSoftensTheDistribution(temperature: Float, expected: [Double]) {
        let q = Softmax.probabilities(Matrix(rows: 1, columns: 3, values: [5, 2, 0]), temperature: temperature)
        #expect(isApproximatelyEqual(q.values.map(Double.init), expected, absolute: 5e-5, relative: 0))
    }

    @Test func referenceBatchAtTemperatureTwo() {
        let teacher = Matrix(rows: 2, columns: 3, values: [3.0, 1.0, 0.2, 0.5, 2.5, -1.0])
        let q = Softmax.probabilities(teacher, temperature: 2)
        let expected = [0.619396, 0.227863, 0.152741, 0.238627, 0.648654, 0.112719]
        #expect(isApproximatelyEqual(q.values.map(Double.init), expected, absolute: 1e-6, relative: 0))
    }

    @Test func hugeLogitsStayFinite() {
        let logits = Matrix(rows: 2, columns: 3, values: [1e4, -1e4, 0, -1e4, -1e4, -1e4])
        let q = Softmax.probabilities(logits, temperature: 0.5)
        let logQ = Softmax.logProbabilities(logits, temperature: 0.5)
        #expect(q.values.allSatisfy { $0.isFinite })
        #expect(logQ.values.allSatisfy { $0.isFinite })
        #expect(q.values[0] == 1)
        #expect(isApproximatelyEqual(Double(q.values[3]), 1.0 / 3.0))
    }
}
