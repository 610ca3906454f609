import Charts
import DistillCore
import Foundation
import Notebook

/// `{histogram}`: how a network's output distribution over a split flattens as the temperature
/// grows — the histogram of one quantity of its soft targets per temperature.
///
/// ```{histogram} confidence
/// model: teacher
/// temperatures: [1, 4, 10]
/// quantity: max_probability
/// ```
struct HistogramDirective: Directive {
    static let kind = "histogram"
    static let code = CodeModules.drawing
    static let summary = "Histograms of a network's soft targets over a split (max probability, entropy, …) per temperature."
    static let shows = Shows.figure
    static let options: [OptionSpec] = [
        SoftTargets.modelOption,
        SoftTargets.temperaturesOption,
        .optional("quantity", .choice(Quantity.self), default: "max_probability", "What each example contributes."),
        .optional("split", .choice(SplitName.self), default: "test", "Which examples."),
        .optional("bins", .integer(2...100), "Number of equal-width bins (default: Freedman–Diaconis)."),
        .optional("layout", .choice(Layout.self), default: "small_multiples", "One panel per temperature, or all in one."),
    ]
    static let fieldDocs = [FieldDoc("examples", .count, "Number of examples in each histogram.")]

    enum Quantity: String, CaseIterable { case max_probability, entropy, true_class_probability, non_target_mass }
    enum SplitName: String, CaseIterable { case test, train }
    enum Layout: String, CaseIterable { case small_multiples, overlaid }

    let name: String
    let model: Dependency
    let temperatures: [Double]
    let quantity: Quantity
    let split: SplitName
    let bins: Int?
    let layout: Layout
    let presentation: FigureOptions
    var dependencies: [Dependency] { [model] }

    init(name: String, options: DirectiveOptions) throws {
        self.name = name
        model = options.reference("model")!
        temperatures = options.get("temperatures")
        quantity = options.choice("quantity")
        split = options.choice("split")
        bins = options.optional("bins")
        layout = options.choice("layout")
        presentation = FigureOptions(options)
    }

    func run(in context: ExecutionContext) throws -> DirectiveResult {
        let runs = try context.value(of: model.name, as: TrainedRuns.self, expected: "a network ({train}, {distill} or {model})")
        let data = split == .test ? runs.data.test : runs.data.train
        let targets = SoftTargets(runs.models[0], features: data.features)
        let series = temperatures.map { temperature in
            let soft = targets.probabilities(temperature: temperature)
            return HistogramSeries(name: "T = \(Format.number(temperature))",
                                   values: zip(soft, data.labels).map { Self.value(quantity, probabilities: $0, label: $1) })
        }
        let chart = Histogram(xTitle: quantity.axisTitle, series: series, binning: bins.map(Binning.count) ?? .freedmanDiaconis,
                              layout: layout == .overlaid ? .overlaid : .smallMultiples, size: presentation.size)
        let medians = series.map { Self.median($0.values) }
        let what = "\(quantity.description) of '\(model.name)' over its \(data.exampleCount) \(split.rawValue) examples"
        let defaultCaption = "The \(what), at T = \(temperatures.map(Format.number).joined(separator: ", "))"
            + (quantity == .entropy ? " (in nats; at most ln \(data.classCount) = \(Format.number(Entropy.maximum(classes: data.classCount))))" : "") + "."
        let description = "Histograms of the \(what), one per temperature; the median is "
            + zip(temperatures, medians).map { "\(Format.number($1)) at T = \(Format.number($0))" }.joined(separator: ", ") + "."
        return DirectiveResult(blocks: [.figure(presentation.figure("\(name).png", png: try chart.renderPNG(), caption: defaultCaption, alt: description))],
                               fields: ["examples": .count(data.exampleCount)])
    }

    /// One example's contribution.
    static func value(_ quantity: Quantity, probabilities: [Double], label: Int) -> Double {
        switch quantity {
        case .max_probability: probabilities.max()!
        case .entropy: Entropy.nats(probabilities)
        case .true_class_probability: probabilities[label]
        case .non_target_mass: 1 - probabilities[label]
        }
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}

extension HistogramDirective.Quantity {
    var description: String {
        switch self {
        case .max_probability: "largest class probability"
        case .entropy: "entropy of the soft targets"
        case .true_class_probability: "probability of the true class"
        case .non_target_mass: "probability mass on the wrong classes"
        }
    }

    var axisTitle: String {
        switch self {
        case .max_probability: "Largest class probability"
        case .entropy: "Entropy (nats)"
        case .true_class_probability: "Probability of the true class"
        case .non_target_mass: "Mass on wrong classes"
        }
    }
}
