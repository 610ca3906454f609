import Charts
import DistillCore
import Notebook

/// `{confusion}`: the confusion matrix of a run on its test set as a heatmap with class names;
/// with several seeds the counts are pooled over seeds.
struct ConfusionDirective: Directive {
    static let kind = "confusion"
    static let code = CodeModules.drawing
    static let summary = "Shows a run's confusion matrix on the test set (pooled over seeds) as a heatmap."
    static let shows = Shows.figure
    static let options: [OptionSpec] = [
        .required("run", .reference(kinds: TrainedRuns.kinds), "The run."),
        .optional("normalize", .boolean, default: "true", "Show each true class's row as shares (true) or raw counts (false)."),
        CommonOptions.width.withDefault("640"),
        CommonOptions.height.withDefault("560"),
    ]

    let name: String
    let run: Dependency
    let normalize: Bool
    let presentation: FigureOptions
    var dependencies: [Dependency] { [run] }

    init(name: String, options: DirectiveOptions) throws {
        self.name = name
        run = options.reference("run")!
        normalize = options.get("normalize")
        presentation = FigureOptions(options)
    }

    func run(in context: ExecutionContext) throws -> DirectiveResult {
        let runs = try context.value(of: run.name, as: TrainedRuns.self, expected: "a {train}, {distill} or {model}")
        let test = runs.data.test
        var counts = Array(repeating: Array(repeating: 0, count: test.classCount), count: test.classCount)
        for matrix in runs.confusions {
            for r in counts.indices { for c in counts.indices { counts[r][c] += matrix.counts[r][c] } }
        }
        let values = counts.map { row in
            let total = row.reduce(0, +)
            return row.map { normalize ? (total > 0 ? Double($0) / Double(total) : 0) : Double($0) }
        }
        let chart = Heatmap(xTitle: "Predicted class", yTitle: "True class", rowLabels: test.classNames,
                            columnLabels: test.classNames, values: values, size: presentation.size)
        let seeds = runs.models.count
        let pooled = seeds > 1 ? ", pooled over \(seeds) seeds" : ""
        let defaultCaption = "Confusion matrix of '\(run.name)' on its \(test.exampleCount) test examples\(pooled): rows are true classes, columns predictions"
            + (normalize ? "; each row shows shares of that class." : "; cells count examples.")
        let confusions = counts.indices.flatMap { r in counts.indices.filter { $0 != r }.map { (r, $0, counts[r][$0]) } }
            .filter { $0.2 > 0 }.sorted { ($0.2, $1.0) > ($1.2, $0.0) }.prefix(3)
        let description = "Heatmap of true against predicted classes for \(run.name)\(pooled). "
            + (confusions.isEmpty ? "Every test example is on the diagonal." : "The most frequent confusions: "
                + confusions.map { "\(test.classNames[$0.0]) taken for \(test.classNames[$0.1]) \($0.2) times" }.joined(separator: ", ") + ".")
        return DirectiveResult(blocks: [.figure(presentation.figure("\(name).png", png: try chart.renderPNG(), caption: defaultCaption, alt: description))])
    }
}
