import DistillCore
import Notebook

/// The inline values every run ({train}, {distill}, {model}) offers to prose.
enum RunFields {
    static let docs = [
        FieldDoc("test_accuracy", .proportionWithInterval, "Test accuracy (mean over seeds) with its 95% interval."),
        FieldDoc("test_accuracy_low", .proportion, "Lower end of the test accuracy's 95% interval."),
        FieldDoc("test_accuracy_high", .proportion, "Upper end of the test accuracy's 95% interval."),
        FieldDoc("test_loss", .realWithInterval, "Test cross-entropy (NLL) of the final networks, mean over seeds."),
        FieldDoc("train_loss", .real, "Training loss of the last epoch, mean over seeds (the distillation loss L for {distill})."),
        FieldDoc("params", .count, "Number of parameters of the network."),
        FieldDoc("seeds", .count, "Number of seeds."),
        FieldDoc("epochs", .count, "Epochs trained (0 for a loaded {model})."),
        FieldDoc("class_accuracy.*", .proportionWithInterval,
                 "Test accuracy on one class, named after the dot (class_accuracy.3, class_accuracy.setosa): mean over seeds with its 95% interval."),
    ]

    static func values(_ runs: TrainedRuns) -> [String: InlineValue] {
        let accuracy = runs.accuracy
        let losses = Summary(runs.evaluations.map(\.crossEntropy))
        var values: [String: InlineValue] = [
            "test_accuracy": accuracy.inlineValue,
            "test_accuracy_low": .proportion(accuracy.lower),
            "test_accuracy_high": .proportion(accuracy.upper),
            "test_loss": .real(losses.mean, interval: interval(losses)),
            "params": .count(runs.architecture.parameterCount),
            "seeds": .count(runs.seeds.count),
            "epochs": .count(runs.runs?.runs[0].history.epochs.count ?? 0),
        ]
        values["train_loss"] = .real(runs.runs?.final(\.trainLoss).mean ?? .nan)
        for (name, accuracy) in classAccuracies(runs) { values["class_accuracy.\(name)"] = accuracy.inlineValue }
        return values
    }

    /// Each class's test accuracy (its recall) over the seeds, by class name.
    static func classAccuracies(_ runs: TrainedRuns) -> [(String, AccuracyInterval)] {
        let matrices = runs.confusions
        return runs.data.test.classNames.enumerated().compactMap { index, name in
            let count = matrices[0].counts[index].reduce(0, +)
            guard count > 0 else { return nil }
            return (name, AccuracyInterval(accuracies: matrices.map { Double($0.counts[index][index]) / Double(count) }, testCount: count))
        }
    }

    /// A summary's 95% interval, within `bounds`; nil when it has no finite, ordered ends
    /// (one seed has no interval of its own).
    static func interval(_ summary: Summary, within bounds: ClosedRange<Double> = -.infinity ... .infinity) -> ClosedRange<Double>? {
        let lower = max(bounds.lowerBound, summary.lower), upper = min(bounds.upperBound, summary.upper)
        guard summary.count > 1, lower.isFinite, upper.isFinite, lower <= upper else { return nil }
        return lower...upper
    }
}
