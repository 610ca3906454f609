/// Mean, spread and a 95% confidence interval of a sample (e.g. one metric over seeds).
public struct Summary: Sendable, Equatable {
    public let count: Int
    public let mean: Double
    /// Sample standard deviation (n − 1 in the denominator); 0 for one value.
    public let standardDeviation: Double
    /// Half-width of the 95% confidence interval of the mean, t(0.975, n−1) · s/√n;
    /// infinite for a single value (one run says nothing about the spread).
    public let halfWidth: Double

    public init(_ values: [Double]) {
        precondition(!values.isEmpty, "a summary needs at least one value")
        let count = values.count
        let mean = values.reduce(0, +) / Double(count)
        self.count = count
        self.mean = mean
        guard count > 1 else {
            standardDeviation = 0
            halfWidth = .infinity
            return
        }
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let deviation = (squares / Double(count - 1)).squareRoot()
        standardDeviation = deviation
        halfWidth = StudentT.quantile(0.975, degreesOfFreedom: Double(count - 1)) * deviation / Double(count).squareRoot()
    }

    public var lower: Double { mean - halfWidth }
    public var upper: Double { mean + halfWidth }
}

/// A comparison of two configurations run on the same seeds (same split, same initialisation):
/// per-seed differences b − a with their mean and 95% CI, and how often b won, tied or lost.
public struct PairedComparison: Sendable, Equatable {
    public let differences: [Double]
    public let summary: Summary
    public let wins: Int
    public let ties: Int
    public let losses: Int

    /// - Parameter tolerance: differences within ±tolerance count as ties.
    public init(baseline: [Double], candidate: [Double], tolerance: Double = 1e-12) {
        precondition(baseline.count == candidate.count && !baseline.isEmpty, "paired runs need the same seeds")
        differences = zip(candidate, baseline).map { $0 - $1 }
        summary = Summary(differences)
        wins = differences.filter { $0 > tolerance }.count
        losses = differences.filter { $0 < -tolerance }.count
        ties = differences.count - wins - losses
    }

    /// True when the 95% interval excludes zero: only then is a difference called one.
    public var isSignificant: Bool { summary.lower > 0 || summary.upper < 0 }
}

/// Wilson's 95% score interval for a proportion, e.g. one run's test accuracy: honest even
/// for small test sets and proportions near 0 or 1 (29/30 → [83.3%, 99.4%]).
public func wilsonInterval(successes: Int, trials: Int, z: Double = 1.959963984540054) -> ClosedRange<Double> {
    precondition(trials > 0 && (0...trials).contains(successes), "need 0 ≤ successes ≤ trials, trials > 0")
    let n = Double(trials), p = Double(successes) / n
    let center = (p + z * z / (2 * n)) / (1 + z * z / n)
    let half = z / (1 + z * z / n) * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot()
    return max(0, center - half)...min(1, center + half)
}
