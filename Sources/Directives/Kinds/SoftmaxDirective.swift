import Foundation
import Charts
import DistillCore
import Notebook

/// `{softmax}`: softmax with temperature on given logits, no training: a table of the
/// probabilities and entropy at each temperature, and grouped bars (one group per class, one
/// bar per temperature).
///
/// ```{softmax} soften
/// logits: [5, 2, 0]
/// temperatures: [1, 2, 5, 10]
/// labels: [cat, dog, car]
/// ```
struct SoftmaxDirective: Directive {
    static let kind = "softmax"
    static let code = CodeModules.drawing
    static let summary = "Shows softmax with temperature on given logits: probabilities and entropy per T."
    static let shows: Shows = [.figure, .table]
    static let options: [OptionSpec] = [
        .required("logits", .list(.number(NumberRange(-1e4, 1e4)), count: 2...50), "The logits z₁ … z_k."),
        .optional("temperatures", .list(.number(NumberRange(0.01, 1e4)), count: 1...12), default: "[1, 2, 5, 10]", "Temperatures T to compare."),
        .optional("labels", .list(.text, count: 2...50), "Class names, one per logit (default: class 1, class 2, …)."),
        .optional("entropy_curve", .boolean, default: "false",
                  "Also draw the entropy of the softmax against T, from near 0 to beyond the largest temperature, with its maximum ln k."),
    ]

    let name: String
    let logits: [Double]
    let temperatures: [Double]
    let labels: [String]
    let entropyCurve: Bool
    let presentation: FigureOptions
    var dependencies: [Dependency] { [] }

    init(name: String, options: DirectiveOptions) throws {
        self.name = name
        logits = options.get("logits")
        temperatures = options.get("temperatures")
        let labels = options.optional("labels", as: [String].self) ?? logits.indices.map { "class \($0 + 1)" }
        guard labels.count == logits.count else {
            throw options.error("labels", "'labels' names \(labels.count) classes, but there are \(logits.count) logits")
        }
        self.labels = labels
        entropyCurve = options.get("entropy_curve")
        presentation = FigureOptions(options)
    }

    func run(in context: ExecutionContext) throws -> DirectiveResult {
        let rows = temperatures.map { temperature in
            Softmax.probabilities(Matrix(rows: 1, columns: logits.count, values: logits), temperature: temperature).values
        }
        let entropies = rows.map(Entropy.nats)
        let chart = GroupedBarChart(xTitle: "Class", yTitle: "Probability", groups: labels,
                                    series: zip(temperatures, rows).map { BarSeries(name: "T = \(Format.number($0))", values: $1) },
                                    valueLabels: labels.count * temperatures.count <= 24, yRange: 0...1, size: presentation.size)
        let logitsText = logits.map(Format.number).joined(separator: ", ")
        let figureCaption = "Softmax of the logits (\(logitsText)) at temperatures \(temperatures.map(Format.number).joined(separator: ", ")): higher T spreads the probability over more classes."
        let description = "Grouped bar chart: for each temperature, the probability of "
            + labels.joined(separator: ", ") + "; at T = \(Format.number(temperatures[0])) the largest is \(Format.percent(rows[0].max()!)), at T = \(Format.number(temperatures.last!)) \(Format.percent(rows.last!.max()!))."
        let table = Table(caption: "Softmax probabilities of the logits (\(logitsText)) and their entropy in nats (at most ln \(logits.count) = \(Format.number(Entropy.maximum(classes: logits.count))) for a uniform distribution).",
                          header: ["T"] + labels + ["Entropy"],
                          rows: zip(temperatures, zip(rows, entropies)).map { temperature, row in
                              [Format.number(temperature)] + row.0.map { String(format: "%.4f", $0) } + [String(format: "%.4f", row.1)]
                          },
                          alignments: Array(repeating: .trailing, count: labels.count + 2))
        var blocks: [OutputBlock] = [
            .figure(presentation.figure("\(name).png", png: try chart.renderPNG(), caption: figureCaption, alt: description)),
            .table(table),
        ]
        if entropyCurve { blocks.append(.figure(try entropyFigure())) }
        return DirectiveResult(blocks: blocks)
    }

    /// Entropy against T on 200 temperatures up to 1.5 × the largest given, with ln k dashed.
    /// Its caption and alt text are its own (`caption` and `alt` describe the bar chart).
    private func entropyFigure() throws -> Figure {
        let top = temperatures.max()! * 1.5
        let grid = (1...200).map { top * Double($0) / 200 }
        let entropies = grid.map { temperature in
            Entropy.nats(Softmax.probabilities(Matrix(rows: 1, columns: logits.count, values: logits), temperature: temperature).values)
        }
        let maximum = Entropy.maximum(classes: logits.count)
        let chart = LineChart(xTitle: "Temperature T", yTitle: "Entropy (nats)", series: [
            LineSeries(name: "entropy of softmax(z / T)", x: grid, y: entropies),
            LineSeries(name: "maximum ln \(logits.count) = \(Format.number(maximum))", x: [grid[0], top], y: [maximum, maximum]),
        ], size: presentation.size)
        let caption = "Entropy of the softmax of the logits (\(logits.map(Format.number).joined(separator: ", "))) as the temperature grows: "
            + "near 0 at small T, where one class takes almost all the probability, rising towards ln \(logits.count), the uniform distribution's."
        let alt = "Line chart of entropy against temperature from \(Format.number(grid[0])) to \(Format.number(top)): "
            + "\(Format.number(entropies[0])) nats at the start, \(Format.number(entropies.last!)) at the end, below the maximum \(Format.number(maximum))."
        return Figure(fileName: "\(name)-entropy.png", png: try chart.renderPNG(), width: Int(presentation.size.width),
                      height: Int(presentation.size.height), caption: caption, alt: alt)
    }
}

/// Shannon entropy of probability vectors.
enum Entropy {
    /// −Σ p ln p, with 0 ln 0 = 0.
    static func nats(_ probabilities: [Double]) -> Double {
        -probabilities.reduce(0) { $0 + ($1 > 0 ? $1 * log($1) : 0) }
    }

    /// ln k: the entropy of the uniform distribution over k classes.
    static func maximum(classes: Int) -> Double { log(Double(classes)) }
}
