import DistillCore
import Notebook

/// `{table}`: metrics of named runs side by side, each the mean over seeds; with a `baseline`,
/// each run's paired difference in test accuracy to it (same seeds), its 95% CI and
/// wins/ties/losses.
///
/// ```{table} comparison
/// runs: [teacher, student_hard, student_kd]
/// metrics: [test_accuracy, nll, agreement]
/// baseline: student_hard
/// ```
struct TableDirective: Directive {
    static let kind = "table"
    static let code = CodeModules.computing
    static let summary = "Compares runs' metrics side by side, optionally as paired differences to a baseline."
    static let shows = Shows.table
    static let options: [OptionSpec] = [
        .required("runs", .list(.reference(kinds: TrainedRuns.kinds), count: 1...20), "The runs, one row each."),
        .optional("metrics", .list(.choice(Metric.self), count: 1...8), default: "[test_accuracy, nll, agreement, kl_to_teacher]", "Columns, in order."),
        .optional("teacher", .reference(kinds: TrainedRuns.kinds),
                  "Measure agreement and KL of every run against this network, seed by seed (without it, only a {distill} run has them, against its own teacher)."),
        .optional("baseline", .reference(kinds: TrainedRuns.kinds), "A run on the same seeds to compare test accuracy with, seed by seed."),
    ]

    enum Metric: String, CaseIterable { case test_accuracy, test_loss, nll, ece, brier, agreement, kl_to_teacher, params }

    let name: String
    let runs: [Dependency]
    let metrics: [Metric]
    let baseline: Dependency?
    let teacher: Dependency?
    let caption: String?
    var dependencies: [Dependency] { runs + [baseline, teacher].compactMap { $0 } }

    init(name: String, options: DirectiveOptions) throws {
        self.name = name
        runs = options.references("runs")
        metrics = options.get("metrics", as: [String].self).compactMap(Metric.init)
        baseline = options.reference("baseline")
        teacher = options.reference("teacher")
        caption = options.optional("caption")
    }

    var fields: [String: ValueKind] {
        var fields = [String: ValueKind]()
        if teacher != nil {
            for run in runs { fields["\(run.name).agreement"] = .proportionWithInterval }
        }
        guard let baseline else { return fields }
        for run in runs where run.name != baseline.name {
            fields["\(run.name).difference"] = .difference
            fields["\(run.name).difference_low"] = .differenceBound
            fields["\(run.name).difference_high"] = .differenceBound
            for count in ["wins", "ties", "losses"] { fields["\(run.name).\(count)"] = .count }
        }
        return fields
    }

    static let fieldDocs = [
        FieldDoc("RUN.difference", .difference, "With a baseline: RUN's mean paired difference in test accuracy, with its 95% CI."),
        FieldDoc("RUN.difference_low", .differenceBound, "Lower end of that interval."),
        FieldDoc("RUN.difference_high", .differenceBound, "Upper end of that interval."),
        FieldDoc("RUN.wins", .count, "Seeds on which RUN beat the baseline (also RUN.ties, RUN.losses)."),
        FieldDoc("RUN.agreement", .proportionWithInterval, "With a teacher: RUN's top-1 agreement with it on the test set, mean over seeds."),
    ]

    func run(in context: ExecutionContext) throws -> DirectiveResult {
        let results = try runs.map { try context.value(of: $0.name, as: TrainedRuns.self, expected: "a run") }
        let baselineRuns = try baseline.map { try context.value(of: $0.name, as: TrainedRuns.self, expected: "a run") }
        let teacherRuns = try teacher.map { try context.value(of: $0.name, as: TrainedRuns.self, expected: "a network") }
        // The accuracy and its paired difference first, where a narrow screen still shows them.
        let leading = metrics.first == .test_accuracy ? 1 : 0
        let pairedHeader = baseline.map { ["Δ accuracy vs \($0.name)", "95% CI", "Wins / ties / losses"] } ?? []
        let header = ["Run"] + metrics.prefix(leading).map(\.heading) + pairedHeader + ["Network", "Seeds"]
            + metrics.dropFirst(leading).map(\.heading)
        var rows = [[String]]()
        var fields = [String: InlineValue]()
        var clipped = false
        for result in results {
            let evaluations = result.evaluations
            let agreement = try teacherRuns.map { try Self.agreement(of: result, with: $0) } ?? result.distillation?.agreement
            if teacherRuns != nil, let agreement {
                let summary = Summary(agreement.map(\.top1Agreement))
                fields["\(result.name).agreement"] = .proportion(summary.mean, interval: RunFields.interval(summary, within: 0...1))
            }
            var cells = [String]()
            var paired = [String]()
            for metric in metrics {
                switch metric {
                case .test_accuracy:
                    let accuracy = result.accuracy
                    clipped = clipped || accuracy.isClipped
                    cells.append("\(Format.percent(accuracy.mean)) \(accuracy.bracketed)")
                case .test_loss, .nll: cells.append(Format.number(Summary(evaluations.map(\.crossEntropy)).mean))
                case .ece: cells.append(Format.number(Summary(evaluations.map(\.expectedCalibrationError)).mean))
                case .brier: cells.append(Format.number(Summary(evaluations.map(\.brierScore)).mean))
                case .agreement: cells.append(agreement.map { Format.percent(Summary($0.map(\.top1Agreement)).mean) } ?? "—")
                case .kl_to_teacher: cells.append(agreement.map { Format.number(Summary($0.map(\.meanKL)).mean) } ?? "—")
                case .params: cells.append(ValueFormat.grouped(result.architecture.parameterCount))
                }
            }
            if let baselineRuns {
                if result.name == baselineRuns.name {
                    paired = ["(baseline)", "", ""]
                } else {
                    let comparison = try PairedDifference.compare(evaluations.map(\.accuracy), seeds: result.seeds, baseline: baselineRuns, what: "'\(result.name)'")
                    let text = PairedDifference.describe(comparison)
                    paired = [text.difference, text.interval, "\(comparison.wins)/\(comparison.ties)/\(comparison.losses)"]
                    fields.merge(PairedDifference.fields(comparison, prefix: "\(result.name).")) { $1 }
                    fields["\(result.name).wins"] = .count(comparison.wins)
                    fields["\(result.name).ties"] = .count(comparison.ties)
                    fields["\(result.name).losses"] = .count(comparison.losses)
                }
            }
            rows.append([result.name] + cells.prefix(leading) + paired + [result.architecture.description, String(result.seeds.count)]
                        + cells.dropFirst(leading))
        }
        let defaultCaption = "Runs on their test sets, each the mean over its seeds"
            + (metrics.contains(.test_accuracy) ? "; accuracy with its 95% interval\(clipped ? " (clipped to 0–100%)" : "")" : "")
            + (baseline.map { "; Δ is the paired difference in test accuracy to '\($0.name)' on the same seeds, with its 95% t-interval. A difference whose interval includes 0 is not a measurable improvement" } ?? "")
            + ". NLL is the test cross-entropy in nats; agreement (same top class) and KL(teacher ‖ run) at T = 1 compare each run with "
            + (teacher.map { "'\($0.name)', seed by seed." } ?? "its teacher (for distilled runs).")
        let table = Table(caption: caption ?? defaultCaption, header: header, rows: rows,
                          alignments: header.map { $0 == "Run" || $0 == "Network" ? .leading : .trailing })
        return DirectiveResult(blocks: [.table(table)], fields: fields)
    }
}

extension TableDirective {
    /// Agreement and KL of every seed's network of `run` with `teacher`'s network of the same
    /// seed (or its only one), on the test set they share.
    static func agreement(of run: TrainedRuns, with teacher: TrainedRuns) throws -> [TeacherAgreement] {
        guard teacher.models.count == 1 || teacher.models.count >= run.models.count else {
            throw ExecutionError("teacher '\(teacher.name)' has \(teacher.models.count) seeds, fewer than '\(run.name)''s \(run.models.count)")
        }
        let test = run.data.test
        guard test.exampleCount == teacher.data.test.exampleCount, test.labels == teacher.data.test.labels else {
            throw ExecutionError("'\(run.name)' and teacher '\(teacher.name)' are not tested on the same examples")
        }
        return run.models.indices.map { index in
            TeacherAgreement(student: run.models[index].logits(test.features),
                             teacher: teacher.teacherModel(forSeedAt: index).logits(test.features))
        }
    }
}

extension TableDirective.Metric {
    var heading: String {
        switch self {
        case .test_accuracy: "Test accuracy [95% CI]"
        case .test_loss: "Test loss"
        case .nll: "NLL"
        case .ece: "ECE"
        case .brier: "Brier"
        case .agreement: "Agreement"
        case .kl_to_teacher: "KL to teacher"
        case .params: "Parameters"
        }
    }
}
