import Charts
import DistillCore
import Notebook

/// `{soft_targets}`: a network's softmax over the classes for chosen test examples at several
/// temperatures — the soft targets a student learns from. One grouped bar chart per example
/// (classes on the axis, one bar per T).
///
/// ```{soft_targets} teacher_targets
/// model: teacher
/// temperatures: [1, 4, 10]
/// pick: uncertain
/// count: 2
/// ```
struct SoftTargetsDirective: Directive {
    static let kind = "soft_targets"
    static let code = CodeModules.drawing
    static let summary = "Shows a network's soft targets for chosen test examples at several temperatures."
    static let shows = Shows.figure
    static let options: [OptionSpec] = [
        SoftTargets.modelOption,
        SoftTargets.temperaturesOption,
        .optional("examples", .list(.integer(0...1_000_000), count: 1...12), "Test-set indices (0-based) of the examples to show."),
        .optional("pick", .choice(Pick.self), "Instead of `examples`: the most confident, least confident or misclassified test examples."),
        .optional("count", .integer(1...12), default: "3", "How many examples `pick` chooses."),
        CommonOptions.height.withDefault("420"),
    ]

    enum Pick: String, CaseIterable { case confident, uncertain, misclassified }

    let name: String
    let model: Dependency
    let temperatures: [Double]
    let examples: [Int]?
    let pick: Pick?
    let count: Int
    let presentation: FigureOptions
    var dependencies: [Dependency] { [model] }

    init(name: String, options: DirectiveOptions) throws {
        self.name = name
        model = options.reference("model")!
        temperatures = options.get("temperatures")
        examples = options.optional("examples")
        pick = options.optional("pick", as: String.self).flatMap(Pick.init)
        count = options.get("count")
        guard (examples == nil) != (pick == nil) else {
            throw Diagnostic(at: options.location, "{soft_targets} needs either 'examples' or 'pick' (not both)")
        }
        presentation = FigureOptions(options)
    }

    func run(in context: ExecutionContext) throws -> DirectiveResult {
        let runs = try context.value(of: model.name, as: TrainedRuns.self, expected: "a network ({train}, {distill} or {model})")
        let test = runs.data.test
        let targets = SoftTargets(runs.models[0], features: test.features)
        let predictions = targets.predictions
        let chosen = try choose(targets.probabilities(temperature: 1), predictions: predictions, labels: test.labels)
        let perTemperature = temperatures.map { targets.probabilities(temperature: $0) }
        let classes = test.classNames
        // One panel per example, stacked on shared axes (small multiples), one bar per T.
        let panels = chosen.map { example in
            BarPanel(title: "Test example \(example): true \(classes[test.labels[example]]), predicted \(classes[predictions[example]])",
                     series: zip(temperatures, perTemperature).map { BarSeries(name: "T = \(Format.number($0))", values: $1[example]) })
        }
        let height = max(presentation.size.height, 230 * Double(chosen.count) + 60)
        let chart = BarSmallMultiples(xTitle: "Class", yTitle: "Probability", groups: classes, panels: panels, yRange: 0...1,
                                      size: Size(width: presentation.size.width, height: height))
        let examples = chosen.map(String.init).joined(separator: ", ")
        let text = "Soft targets of '\(model.name)' for test example\(chosen.count > 1 ? "s" : "") \(examples) at T = "
            + "\(temperatures.map(Format.number).joined(separator: ", ")), one panel per example: the wrong classes' shares grow with T."
        let description = "Bar charts of the probability \(model.name) gives each class, one per test example; at T = \(Format.number(temperatures.last!)) the largest are "
            + chosen.map { example in
                let top = perTemperature.last![example].enumerated().sorted { $0.element > $1.element }.prefix(3)
                return "for example \(example) " + top.map { "\(classes[$0.offset]) \(Format.percent($0.element))" }.joined(separator: ", ")
            }.joined(separator: "; ") + "."
        return DirectiveResult(blocks: [.figure(presentation.figure("\(name).png", png: try chart.renderPNG(), caption: text,
                                                                    alt: description, height: height))])
    }

    /// The examples to show: as given, or picked by confidence at T = 1 (ties by index).
    private func choose(_ probabilities: [[Double]], predictions: [Int], labels: [Int]) throws -> [Int] {
        if let examples {
            for example in examples where example >= labels.count {
                throw ExecutionError("test example \(example) does not exist: the test set has \(labels.count) examples (0–\(labels.count - 1))")
            }
            return examples
        }
        let confidence = probabilities.map { $0.max()! }
        let order = confidence.indices.sorted { (confidence[$0], $1) > (confidence[$1], $0) }
        switch pick! {
        case .confident: return Array(order.prefix(count))
        case .uncertain: return Array(order.reversed().prefix(count))
        case .misclassified:
            let wrong = labels.indices.filter { predictions[$0] != labels[$0] }
            guard !wrong.isEmpty else { throw ExecutionError("'\(model.name)' classifies every test example correctly: there is no misclassified example to show") }
            return Array(wrong.prefix(count))
        }
    }
}
