import DistillCore
import Notebook

/// The summary table a {train}, {distill} or {model} directive shows: final metrics with an
/// honest 95% interval (see `AccuracyInterval`).
enum RunSummary {
    /// A run's directive result: the run for other directives, its summary table, and its
    /// inline values (`RunFields`, unless the kind adds its own).
    static func result(_ runs: TrainedRuns, caption: String?, fields: [String: InlineValue]? = nil) -> DirectiveResult {
        DirectiveResult(value: runs, blocks: [.table(table(runs, caption: caption))], fields: fields ?? RunFields.values(runs))
    }

    static func table(_ result: TrainedRuns, caption: String?) -> Table {
        let architecture = result.architecture
        let accuracy = result.accuracy
        let evaluations = result.evaluations
        let testCount = result.data.test.exampleCount
        var header = ["Network", "Parameters", "Seeds", "Epochs", "Train loss", "Test loss", "Test accuracy", "95% CI"]
        var row = [architecture.description, ValueFormat.grouped(architecture.parameterCount), String(result.seeds.count),
                   result.runs.map { String($0.runs[0].history.epochs.count) } ?? "—",
                   result.runs.map { Format.number($0.final(\.trainLoss).mean) } ?? "—",
                   Format.number(Summary(evaluations.map(\.crossEntropy)).mean), Format.percent(accuracy.mean), accuracy.bracketed]
        if let distillation = result.distillation {
            header += ["Agreement", "KL to teacher"]
            row += [Format.percent(Summary(distillation.agreement.map(\.top1Agreement)).mean),
                    Format.number(Summary(distillation.agreement.map(\.meanKL)).mean)]
        }
        let what: String
        switch result.kind {
        case "model": what = "Network '\(result.name)' loaded from its weights file"
        case "distill":
            let d = result.distillation!
            what = "Student '\(result.name)' distilled from '\(d.teacher.name)' at T = \(Format.number(d.temperature)), α = \(Format.number(d.alpha))"
        default: what = "Training run '\(result.name)'"
        }
        let defaultCaption = "\(what): \(architecture.description) MLP on \(result.split.name), "
            + "\(result.runs == nil ? "" : "\(result.data.train.exampleCount) training and ")\(testCount) test examples; accuracy is \(accuracy.note)."
            + (result.distillation == nil ? "" : " Train loss is the distillation loss L; agreement is the top-1 agreement with "
                + "the teacher on the test set, and KL the mean KL(teacher ‖ student) there.")
        return Table(caption: caption ?? defaultCaption, header: header, rows: [row],
                     alignments: [.leading] + Array(repeating: .trailing, count: header.count - 1))
    }
}
