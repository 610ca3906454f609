import Charts
import Notebook

/// `{plot}`: loss or accuracy curves of named training runs, train and test, over epochs.
///
/// ```{plot} teacher_loss
/// runs: [teacher]
/// metric: loss
/// caption: The teacher's loss falls and levels off.
/// ```
struct PlotDirective: Directive {
    static let kind = "plot"
    static let options = [
        OptionDoc("runs", "Names of {train} directives whose curves to draw."),
        OptionDoc("metric", "loss or accuracy (default loss)."),
        OptionDoc("title", "Title drawn above the chart."),
        OptionDoc("width", "Width in points (default 800)."),
        OptionDoc("height", "Height in points (default 500)."),
    ]

    enum Metric: String, CaseIterable { case loss, accuracy }

    let name: String
    let runs: [String]
    let metric: Metric
    let title: String
    let caption: String
    let alt: String?
    let size: Size

    init(name: String, options: DirectiveOptions) throws {
        self.name = name
        runs = try options.required("runs", options.stringList)
        guard !runs.isEmpty else { throw options.error("runs", "'runs' must name at least one run") }
        let metricName = try options.string("metric") ?? "loss"
        guard let metric = Metric(rawValue: metricName) else {
            throw options.error("metric", "unknown metric '\(metricName)'\(didYouMean(metricName, among: Metric.allCases.map(\.rawValue)))")
        }
        self.metric = metric
        title = try options.string("title") ?? ""
        caption = try options.string("caption") ?? "\(metric == .loss ? "Cross-entropy loss" : "Accuracy") of \(runs.joined(separator: ", ")) by epoch."
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
            let run = try context.value(of: runName, as: TrainedRun.self, expected: "a {train} run")
            let history = run.result.history
            let epochs = (1...history.epochs.count).map(Double.init)
            let (train, test) = metric == .loss ? (history.trainLoss, history.testLoss) : (history.trainAccuracy, history.testAccuracy)
            series.append(LineSeries(name: "\(runName) (train)", x: epochs, y: train))
            series.append(LineSeries(name: "\(runName) (test)", x: epochs, y: test))
        }
        let chart = LineChart(title: title, xTitle: "Epoch", yTitle: metric == .loss ? "Cross-entropy" : "Accuracy",
                              series: series, size: size)
        let png = try chart.renderPNG()
        let description = alt ?? "Line chart of \(metric.rawValue) against epoch for \(series.map(\.name).joined(separator: ", "))."
        return DirectiveResult(blocks: [.figure(Figure(fileName: "\(name).png", png: png, width: Int(size.width),
                                                       height: Int(size.height), caption: caption, alt: description))])
    }
}
