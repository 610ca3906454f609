import Testing
@testable import DistillCore

@Suite struct StatisticsTests {
    // Two-sided 95% critical values of Student's t from standard tables.
    @Test(arguments: [(1.0, 12.706), (2, 4.303), (5, 2.571), (9, 2.262), (19, 2.093), (29, 2.045), (1e6, 1.960)])
    func tQuantiles(degreesOfFreedom: Double, expected: Double) {
        #expect(isApproximatelyEqual(StudentT.quantile(0.975, degreesOfFreedom: degreesOfFreedom), expected, absolute: 5e-4))
    }

    @Test func summaryOfASample() {
        let summary = Summary([1, 2, 3, 4, 5])
        #expect(summary.mean == 3)
        #expect(isApproximatelyEqual(summary.standardDeviation, 1.5811388, absolute: 1e-7))
        #expect(isApproximatelyEqual(summary.halfWidth, 2.7764451 * 1.5811388 / 5.0.squareRoot(), absolute: 1e-6))
        #expect(Summary([0.7]).halfWidth == .infinity)
    }

    @Test func wilsonIntervalForTwentyNineOfThirty() {
        let interval = wilsonInterval(successes: 29, trials: 30)
        #expect(isApproximatelyEqual(interval.lowerBound, 0.833, absolute: 5e-4))
        #expect(isApproximatelyEqual(interval.upperBound, 0.994, absolute: 5e-4))
    }

    @Test func pairedComparisonCountsAndSignificance() {
        let noise = PairedComparison(baseline: [0.90, 0.93, 0.95, 0.91], candidate: [0.93, 0.90, 0.95, 0.92])
        #expect((noise.wins, noise.ties, noise.losses) == (2, 1, 1))
        #expect(!noise.isSignificant)
        let clear = PairedComparison(baseline: [0.80, 0.81, 0.79, 0.80, 0.82], candidate: [0.90, 0.90, 0.91, 0.89, 0.92])
        #expect(clear.isSignificant && clear.wins == 5)
    }
}
