import DistillCore
import Notebook

/// The paired comparison of a run's per-seed test accuracy with a baseline's on the same seeds
/// (same split and initialisation): mean difference, 95% CI, wins/ties/losses.
enum PairedDifference {
    static func compare(_ candidate: [Double], seeds: [UInt64], baseline: TrainedRuns, what: String) throws -> PairedComparison {
        guard baseline.seeds == seeds else {
            throw ExecutionError("\(what) ran seeds \(describe(seeds)), but the baseline '\(baseline.name)' ran \(describe(baseline.seeds)); paired differences need the same seeds")
        }
        return PairedComparison(baseline: baseline.evaluations.map(\.accuracy), candidate: candidate)
    }

    /// "+0.5 pp [−0.2, +1.2]" or, for one seed, "+3.3 pp".
    static func describe(_ comparison: PairedComparison) -> (difference: String, interval: String) {
        let value = InlineValue.difference(comparison.summary.mean, interval: interval(comparison))
        return (ValueFormat("percent")!.format(value),
                comparison.differences.count > 1 ? ValueFormat("ci")!.intervalText(value) : "—")
    }

    static func interval(_ comparison: PairedComparison) -> ClosedRange<Double>? {
        RunFields.interval(comparison.summary)
    }

    /// The inline values of one comparison under `prefix` ("student_kd." or "best_").
    static func fields(_ comparison: PairedComparison, prefix: String) -> [String: InlineValue] {
        let interval = interval(comparison)
        return [
            "\(prefix)difference": .difference(comparison.summary.mean, interval: interval),
            "\(prefix)difference_low": .difference(interval?.lowerBound ?? .nan),
            "\(prefix)difference_high": .difference(interval?.upperBound ?? .nan),
        ]
    }

    private static func describe(_ seeds: [UInt64]) -> String {
        seeds.count == 1 ? "\(seeds[0])" : "\(seeds.first!)–\(seeds.last!)"
    }
}
