import DistillCore
import Notebook

/// The summary table a {train} or {distill} directive shows: final metrics with an honest 95%
/// interval — over seeds when there are several, Wilson's interval on the test set for one.
enum RunSummary {
    static func table(_ result: TrainedRuns, caption: String?) -> Table {
        let runs = result.runs
        let architecture = runs.runs[0].model.architecture
        let accuracy = runs.final(\.testAccuracy)
        let testCount = result.data.test.exampleCount
        let interval: String
        let intervalNote: String
        if runs.runs.count > 1 {
            interval = "[\(Format.percentNumber(accuracy.lower)), \(Format.percentNumber(accuracy.upper))]"
            intervalNote = "the mean over \(runs.runs.count) seeds, with a 95% t-interval"
        } else {
            let correct = Int((accuracy.mean * Double(testCount)).rounded())
            let wilson = wilsonInterval(successes: correct, trials: testCount)
            interval = "[\(Format.percentNumber(wilson.lowerBound)), \(Format.percentNumber(wilson.upperBound))]"
            intervalNote = "from one seed, with the 95% Wilson interval for \(correct) of \(testCount) test examples"
        }
        var header = ["Network", "Parameters", "Seeds", "Epochs", "Train loss", "Test loss", "Test accuracy", "95% CI"]
        var row = [architecture.description, String(architecture.parameterCount), String(runs.runs.count),
                   String(runs.runs[0].history.epochs.count), Format.number(runs.final(\.trainLoss).mean),
                   Format.number(runs.final(\.testLoss).mean), Format.percent(accuracy.mean), interval]
        if let distillation = result.distillation {
            header += ["Agreement", "KL to teacher"]
            row += [Format.percent(Summary(distillation.agreement.map(\.top1Agreement)).mean),
                    Format.number(Summary(distillation.agreement.map(\.meanKL)).mean)]
        }
        let what = result.distillation.map { "Student '\(result.name)' distilled from '\($0.teacher)' at T = \(Format.number($0.temperature)), α = \(Format.number($0.alpha))" }
            ?? "Training run '\(result.name)'"
        let defaultCaption = "\(what): \(architecture.description) MLP on \(result.dataset.name), "
            + "\(result.data.train.exampleCount) training and \(testCount) test examples; accuracy is \(intervalNote)."
            + (result.distillation == nil ? "" : " Train loss is the distillation loss L; agreement is the top-1 agreement with "
                + "the teacher on the test set, and KL the mean KL(teacher ‖ student) there.")
        return Table(caption: caption ?? defaultCaption, header: header, rows: [row],
                     alignments: [.leading] + Array(repeating: .trailing, count: header.count - 1))
    }
}
