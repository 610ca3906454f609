import DistillCore
import Notebook

/// Test accuracy with an honest 95% interval: over seeds a t-interval of the per-seed
/// accuracies, clipped to [0, 1] (and saying so); for one seed Wilson's interval for the
/// number of correct test examples, which never leaves [0, 1].
struct AccuracyInterval: Sendable {
    let mean: Double
    let lower: Double
    let upper: Double
    /// Whether a t-interval was cut at 0 or 100%.
    let isClipped: Bool
    /// How the interval was made, for captions.
    let note: String

    init(accuracies: [Double], testCount: Int) {
        if accuracies.count > 1 {
            let summary = Summary(accuracies)
            mean = summary.mean
            lower = max(0, summary.lower)
            upper = min(1, summary.upper)
            isClipped = summary.lower < 0 || summary.upper > 1
            note = "the mean over \(accuracies.count) seeds, with a 95% t-interval"
                + (isClipped ? " (clipped to the possible range 0–100%)" : "")
        } else {
            let correct = Int((accuracies[0] * Double(testCount)).rounded())
            let wilson = wilsonInterval(successes: correct, trials: testCount)
            mean = accuracies[0]
            lower = wilson.lowerBound
            upper = wilson.upperBound
            isClipped = false
            note = "from one seed, with the 95% Wilson interval for \(correct) of \(testCount) test examples"
        }
    }

    /// The accuracy as prose quotes it, with its interval.
    var inlineValue: InlineValue { .proportion(mean, interval: lower...upper) }

    /// "[95.8, 97.1]"
    var bracketed: String { "[\(Format.percentNumber(lower)), \(Format.percentNumber(upper))]" }
}
