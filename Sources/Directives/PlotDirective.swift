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
    static let options = [
        OptionDoc("runs", "Names of {train} or {distill} directives whose curves to draw."),
        OptionDoc("metric", "loss or accuracy (default loss)."),
        OptionDoc("split", "test, train or both (default both)."),
        OptionDoc("title", "Title drawn above the chart."),
        OptionDoc("width", "Width in points (default 800)."),
        OptionDoc("height", "Height in points (default 500)."),
    ]

    enum Metric: String, CaseIterable { case loss, accuracy }
    enum Split: String, CaseIterable { case both, train, test }

    let name: String
    let runs: [String]
    let metric: Metric
    let split: Split
    let title: String
    let caption: String
    let alt: String?
    let size: Size

    init(name: String, options: DirectiveOptions) throws {
        self.name = name
        runs = try options.required("runs", options.stringList)
        guard !runs.isEmpty else { throw options.error("runs", "'runs' must name at least one run") }
        metric = try options.choice("metric", default: Metric.loss)
        split = try options.choice("split", default: Split.both)
        title = try options.string("title") ?? ""
        caption = try options.string("caption")
            ?? "\(metric == .loss ? "Loss" : "Accuracy") of \(runs.joined(separator: ", ")) by epoch; shaded bands are 95% confidence intervals over seeds."
        alt = try options.string("alt")
        let width = try options.int("width") ?? 800
        let height = try options.int("height") ?? 500
        guard (200...2000).contains(width) else { throw options.error("width", "'width' must be between 200 and 2000 points") }
        guard (150...2000).contains(height) else { throw options.error("height", "'height' must be between 150 and 2000 points") }
        size = Size(width: Double(width), height: Double(height))
    }

    var dependencies: [String] { runs }

    func run(in context: ExecutionContext) throws -> DirectiveResult {
        var series = [LineSeries]()
        for runName in runs {
            let result = try context.value(of: runName, as: TrainedRuns.self, expected: "a {train} or {distill} run")
            let parts: [(String, KeyPath<EpochRecord, Double>)] = switch (metric, split) {
            case (.loss, .both): [("train", \.trainLoss), ("test", \.testLoss)]
            case (.loss, .train): [("train", \.trainLoss)]
            case (.loss, .test): [("test", \.testLoss)]
            case (.accuracy, .both): [("train", \.trainAccuracy), ("test", \.testAccuracy)]
            case (.accuracy, .train): [("train", \.trainAccuracy)]
            case (.accuracy, .test): [("test", \.testAccuracy)]
            }
            let epochs = (1...result.runs.runs[0].history.epochs.count).map(Double.init)
            for (label, metric) in parts {
                let curve = result.runs.curve(metric)
                let band = result.runs.runs.count > 1 ? (lower: curve.lower, upper: curve.upper) : nil
                let seriesName = split == .both || runs.count > 1 ? "\(runName) (\(label))" : runName
                series.append(LineSeries(name: seriesName, x: epochs, y: curve.mean, band: band))
            }
        }
        let yTitle = metric == .loss ? "Loss (cross-entropy)" : "Accuracy"
        let chart = LineChart(title: title, xTitle: "Epoch", yTitle: yTitle, series: series, size: size)
        let png = try chart.renderPNG()
        let description = alt ?? "Line chart of \(metric.rawValue) against epoch for \(series.map(\.name).joined(separator: ", "))."
        return DirectiveResult(blocks: [.figure(Figure(fileName: "\(name).png", png: png, width: Int(size.width),
                                                       height: Int(size.height), caption: caption, alt: description))])
    }
}
