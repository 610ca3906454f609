import Charts
import DistillCore
import Notebook

/// `{plot}`: loss or accuracy curves of named runs ({train} or {distill}) over epochs: the mean
/// over seeds as a line, with a shaded 95% confidence band when there are several seeds.
///
/// ```{plot} teacher_loss
/// runs: [teacher]
/// metric: loss
/// caption: The teacher's loss falls and levels off.
/// ```
struct PlotDirective: Directive {
    static let kind = "plot"
    static let code = CodeModules.drawing
    static let summary = "Draws loss or accuracy curves of runs by epoch (mean over seeds, 95% band)."
    static let shows = Shows.figure
    static let options: [OptionSpec] = [
        .required("runs", .list(.reference(kinds: ["train", "distill"]), count: 1...12), "The {train} or {distill} runs whose curves to draw."),
        .optional("metric", .choice(Metric.self), default: "loss",
                  "What to draw: loss, accuracy, or loss_terms (a {distill} run's soft term T²·KL and hard cross-entropy, unweighted, on the training set)."),
        .optional("split", .choice(Split.self), default: "both", "Which part of the data."),
        .optional("title", .text, default: "''", "Title drawn above the chart."),
        .optional("labels", .list(.text, count: 1...12), "Names of the runs in the legend, one per run (default: the directives' names)."),
    ]

    enum Metric: String, CaseIterable { case loss, accuracy, lossTerms = "loss_terms" }
    enum Split: String, CaseIterable { case both, train, test }

    let name: String
    let runs: [Dependency]
    let metric: Metric
    let split: Split
    let title: String
    /// What the legend calls each run.
    let labels: [String]
    let presentation: FigureOptions
    var dependencies: [Dependency] { runs }

    init(name: String, options: DirectiveOptions) throws {
        self.name = name
        runs = options.references("runs")
        metric = options.choice("metric")
        split = options.choice("split")
        title = options.get("title")
        let names = runs.map(\.name)
        labels = options.optional("labels", as: [String].self) ?? names
        guard labels.count == names.count else {
            throw options.error("labels", "'labels' names \(labels.count) runs, but 'runs' has \(names.count)")
        }
        presentation = FigureOptions(options)
    }

    func run(in context: ExecutionContext) throws -> DirectiveResult {
        var series = [LineSeries]()
        var lossNames = Set<String>()
        for (run, runLabel) in zip(runs, labels) {
            let result = try context.value(of: run.name, as: TrainedRuns.self, expected: "a {train} or {distill} run")
            guard let seeded = result.runs else { throw ExecutionError("'\(run.name)' was not trained here, so it has no curves") }
            if metric == .lossTerms, result.distillation == nil {
                throw ExecutionError("'\(run.name)' is not a {distill} run, so its loss has no soft and hard terms; use metric: loss")
            }
            let parts: [(String, KeyPath<EpochRecord, Double>)] = switch (metric, split) {
            case (.lossTerms, _): [("soft term T²·KL", \.trainSoftLoss), ("hard term CE", \.trainHardLoss)]
            case (.loss, .both): [("train", \.trainLoss), ("test", \.testLoss)]
            case (.loss, .train): [("train", \.trainLoss)]
            case (.loss, .test): [("test", \.testLoss)]
            case (.accuracy, .both): [("train", \.trainAccuracy), ("test", \.testAccuracy)]
            case (.accuracy, .train): [("train", \.trainAccuracy)]
            case (.accuracy, .test): [("test", \.testAccuracy)]
            }
            let epochs = (1...seeded.runs[0].history.epochs.count).map(Double.init)
            for (label, metricPath) in parts {
                let curve = seeded.curve(metricPath)
                // Accuracy cannot leave [0, 1], nor may its band (a t-interval near 100% would).
                let clip: (Double) -> Double = metric == .accuracy ? { min(1, max(0, $0)) } : { $0 }
                let band = seeded.runs.count > 1 ? (lower: curve.lower.map(clip), upper: curve.upper.map(clip)) : nil
                // A student's training loss is the distillation loss L, not a cross-entropy.
                let isDistillationLoss = metric == .loss && label == "train" && result.distillation != nil
                lossNames.insert(isDistillationLoss ? "distillation loss L" : "cross-entropy")
                let seriesName = metric == .lossTerms ? (runs.count > 1 ? "\(runLabel): \(label)" : label)
                    : split == .both || runs.count > 1 ? "\(runLabel) (\(isDistillationLoss ? "train, L" : label))" : runLabel
                series.append(LineSeries(name: seriesName, x: epochs, y: curve.mean, band: band))
            }
        }
        let yTitle = metric == .accuracy ? "Accuracy" : metric == .lossTerms ? "Loss term (training set, unweighted)"
            : lossNames.count == 1 ? (lossNames.first == "cross-entropy" ? "Loss (cross-entropy)" : "Distillation loss L") : "Loss (L for students' training curves, else cross-entropy)"
        let chart = LineChart(title: title, xTitle: "Epoch", yTitle: yTitle, series: series, size: presentation.size)
        let png = try chart.renderPNG()
        let names = runs.map(\.name).joined(separator: ", ")
        let defaultCaption = metric == .lossTerms
            ? "The two terms of the training loss of \(names) by epoch: the soft term T²·KL(teacher ‖ student) and the hard-label cross-entropy, before L weights them by α and 1 − α; shaded bands are 95% confidence intervals over seeds."
            : "\(metric == .loss ? "Loss" : "Accuracy") of \(names) by epoch"
            + (lossNames.contains("distillation loss L") ? " (a student's training curve is the distillation loss L; test curves are cross-entropy)" : "")
            + "; shaded bands are 95% confidence intervals over seeds."
        let description = "Line chart of \(metric == .lossTerms ? "the soft and hard loss terms" : metric.rawValue) against epoch for \(series.map(\.name).joined(separator: ", "))."
        return DirectiveResult(blocks: [.figure(presentation.figure("\(name).png", png: png, caption: defaultCaption, alt: description))])
    }
}
