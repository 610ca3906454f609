import Charts
import DistillCore
import Notebook

/// `{sweep}`: repeats a {distill} over a grid of one or two of its settings, each grid point
/// over the same seeds, and shows the test accuracy of each point (mean and 95% CI) as a
/// point-range chart and a table; with a `baseline` run on the same seeds, each point's paired
/// difference to it, its 95% CI and wins/ties/losses.
///
/// ```{sweep} temperatures
/// base: student_kd
/// over: {temperature: [1, 2, 4, 8]}
/// baseline: student_hard
/// ```
struct SweepDirective: Directive {
    static let kind = "sweep"
    static let code = CodeModules.drawing
    static let summary = "Repeats a {distill} over a grid of temperature, alpha, hidden or train_fraction, with paired CIs."
    static let shows: Shows = [.figure, .table]
    static let sweptOptions = ["temperature", "alpha", "hidden", "train_fraction"]
    static let options: [OptionSpec] = [
        .required("base", .reference(kinds: ["distill"]), "The {distill} whose settings are the defaults of every grid point."),
        .required("over", .mapping(keys: sweptOptions, count: 1...2), "One or two settings, each with its list of values, e.g. {temperature: [1, 4, 10]}."),
        .optional("baseline", .reference(kinds: ["train", "distill"]), "A run on the same seeds: each point is compared with it seed by seed."),
        .optional("seeds", .integer(1...200), "Seeds per grid point (default: the base's), starting at the base's first seed."),
    ]
    static let fieldDocs = [
        FieldDoc("best", .text, "The grid point with the highest mean test accuracy, e.g. \"temperature = 4\"."),
        FieldDoc("best_accuracy", .proportionWithInterval, "That point's test accuracy with its 95% interval."),
        FieldDoc("best_difference", .difference, "With a baseline: that point's paired difference to it, with its 95% CI."),
        FieldDoc("best_difference_low", .differenceBound, "Lower end of that interval."),
        FieldDoc("best_difference_high", .differenceBound, "Upper end of that interval."),
        FieldDoc("accuracy.*", .proportionWithInterval,
                 "Each grid point's test accuracy, named by its values with _ for dots: accuracy.4, accuracy.0_5 (two options: accuracy.4_0_5)."),
        FieldDoc("difference.*", .difference, "With a baseline: each grid point's paired difference to it, with its 95% CI (difference.4)."),
    ]

    /// Every grid point's values by name; the differences exist only with a baseline.
    var fields: [String: ValueKind] {
        var fields = Dictionary(uniqueKeysWithValues: Self.fieldDocs.filter { !$0.name.hasSuffix(".*") }
            .filter { baseline != nil || !$0.name.hasPrefix("best_difference") }.map { ($0.name, $0.kind) })
        for indices in grid {
            fields["accuracy.\(pointKey(indices))"] = .proportionWithInterval
            if baseline != nil { fields["difference.\(pointKey(indices))"] = .difference }
        }
        return fields
    }

    /// The grid's points as indices into each axis's values, first axis slowest.
    private var grid: [[Int]] {
        axes.count == 1 ? axes[0].values.indices.map { [$0] }
            : axes[0].values.indices.flatMap { i in axes[1].values.indices.map { [i, $0] } }
    }

    /// A point's name in field paths: its values, with every character that is not a letter or
    /// digit written as _ ("0.5" → "0_5"), joined by _.
    private func pointKey(_ indices: [Int]) -> String {
        zip(axes, indices).map { axis, index in
            String(axis.labels[index].map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
        }.joined(separator: "_")
    }

    /// One grid point's outcome.
    struct GridPoint {
        /// "temperature = 4, alpha = 0.5"
        let label: String
        /// The value index along each axis.
        let indices: [Int]
        let accuracy: AccuracyInterval
        /// The paired difference to the baseline, when there is one.
        let comparison: PairedComparison?
    }

    /// One swept setting and its values, checked against the {distill} schema.
    struct Axis: Sendable {
        let option: String
        let values: [OptionValue]
        var labels: [String] { values.map(\.canonical) }
    }

    let name: String
    let base: Dependency
    let baseline: Dependency?
    let axes: [Axis]
    let seedCount: Int?
    let presentation: FigureOptions
    var dependencies: [Dependency] { [base] + (baseline.map { [$0] } ?? []) }

    init(name: String, options: DirectiveOptions) throws {
        self.name = name
        base = options.reference("base")!
        baseline = options.reference("baseline")
        seedCount = options.optional("seeds")
        presentation = FigureOptions(options)
        guard case .mapping(let pairs) = options.value("over")!.shape else { preconditionFailure("checked as a mapping") }
        let distillSpecs = Dictionary(uniqueKeysWithValues: DistillDirective.schema.map { ($0.name, $0) })
        axes = try pairs.map { key, value in
            guard case .list(let items) = value.shape, (1...12).contains(items.count) else {
                throw Diagnostic(at: value.location, "'\(key)' in 'over' must be a list of 1 to 12 values, e.g. [1, 4, 10]")
            }
            for item in items { try OptionChecker(name: key).check(item, against: distillSpecs[key]!.type) }
            return Axis(option: key, values: items)
        }
        let points = axes.reduce(1) { $0 * $1.values.count }
        guard points <= 60 else { throw options.error("over", "the grid has \(points) points; a sweep is limited to 60") }
    }

    func run(in context: ExecutionContext) throws -> DirectiveResult {
        let baseRuns = try context.value(of: base.name, as: TrainedRuns.self, expected: "a {distill}")
        guard let distillation = baseRuns.distillation else { throw ExecutionError("'\(base.name)' is not a {distill}") }
        let baselineRuns = try baseline.map { try context.value(of: $0.name, as: TrainedRuns.self, expected: "a run") }
        let recipe = distillation.recipe
        var seeds = recipe.training.seeds
        if let seedCount { seeds = (0..<UInt64(seedCount)).map { seeds[0] + $0 } }
        let variants = grid.map { variant(of: recipe, at: $0, seeds: seeds) }
        try CachedTraining.announce(variants.map { (seeds.count, $0.training.configuration(seed: 0)) },
                                    data: try recipe.training.prepare(distillation.teacher.split),
                                    teacher: distillation.teacher.models.max { $0.architecture.parameterCount < $1.architecture.parameterCount },
                                    context: context)
        let points = try zip(grid, variants).map { indices, pointRecipe in
            let label = zip(axes, indices).map { "\($0.option) = \($0.labels[$1])" }.joined(separator: ", ")
            let student = try pointRecipe.distil(from: distillation.teacher, in: context, label: label + ", ", announce: false)
            let comparison = try baselineRuns.map {
                try PairedDifference.compare(student.evaluations.map(\.accuracy), seeds: seeds, baseline: $0, what: "grid point \(label)")
            }
            return GridPoint(label: label, indices: indices, accuracy: student.accuracy, comparison: comparison)
        }
        let best = points.indices.max { (points[$0].accuracy.mean, $1) < (points[$1].accuracy.mean, $0) }!
        var fields: [String: InlineValue] = [
            "best": .text(points[best].label),
            "best_accuracy": points[best].accuracy.inlineValue,
        ]
        if let comparison = points[best].comparison { fields.merge(PairedDifference.fields(comparison, prefix: "best_")) { $1 } }
        for point in points {
            fields["accuracy.\(pointKey(point.indices))"] = point.accuracy.inlineValue
            if let comparison = point.comparison {
                fields["difference.\(pointKey(point.indices))"] = .difference(comparison.summary.mean,
                                                                              interval: PairedDifference.interval(comparison))
            }
        }
        return DirectiveResult(blocks: [.figure(try figure(points, baseline: baselineRuns, seeds: seeds.count)),
                                        .table(table(points, seeds: seeds.count))],
                               fields: fields)
    }

    /// The base recipe with one grid point's settings and the sweep's seeds.
    private func variant(of recipe: DistillDirective, at indices: [Int], seeds: [UInt64]) -> DistillDirective {
        var temperature = recipe.temperature, alpha = recipe.alpha
        var training = recipe.training
        training.seeds = seeds
        for (axis, index) in zip(axes, indices) {
            let value = axis.values[index]
            switch axis.option {
            case "temperature": temperature = Double(option: value)!
            case "alpha": alpha = Double(option: value)!
            case "hidden": training.configuration.hidden = [Int](option: value)!
            default: training.trainFraction = Double(option: value)!
            }
        }
        return DistillDirective(name: name, teacher: recipe.teacher, temperature: temperature, alpha: alpha, training: training)
    }

    /// Grid values as evenly spaced categories (a doubling temperature reads as a log scale),
    /// series of the second option dodged side by side, the baseline as a band behind them.
    private func figure(_ points: [GridPoint], baseline: TrainedRuns?, seeds: Int) throws -> Figure {
        let first = axes[0]
        let groups = axes.count == 2 ? axes[1].values.indices.map { [$0] } : [[]]
        let series = groups.map { group in
            let matching = points.filter { Array($0.indices.dropFirst()) == group }
            let name = axes.count == 2 ? "\(axes[1].option) = \(axes[1].labels[group[0]])" : "distilled"
            return PointRangeSeries(name: name, x: matching.map { Double($0.indices[0]) }, center: matching.map(\.accuracy.mean),
                                    lower: matching.map(\.accuracy.lower), upper: matching.map(\.accuracy.upper))
        }
        let reference = baseline.map { run in
            ReferenceBand(name: "\(run.name) (baseline)", center: run.accuracy.mean, lower: run.accuracy.lower, upper: run.accuracy.upper)
        }
        let chart = PointRangeChart(xTitle: first.option, yTitle: "Test accuracy", categories: first.labels,
                                    series: series, reference: reference, size: presentation.size)
        let defaultCaption = "Test accuracy of '\(base.name)' distilled with each \(axes.map(\.option).joined(separator: " and ")) "
            + "(mean over \(seeds) seeds with 95% intervals)" + (baseline.map { "; the band is the baseline '\($0.name)', its mean dashed" } ?? "") + "."
        let description = "Point-range chart of test accuracy against \(first.option) for "
            + series.map(\.name).joined(separator: ", ") + "; means from " + Format.percent(points.map(\.accuracy.mean).min()!)
            + " to " + Format.percent(points.map(\.accuracy.mean).max()!)
            + (baseline.map { "; baseline \($0.name) at " + Format.percent($0.accuracy.mean) } ?? "") + "."
        return presentation.figure("\(name).png", png: try chart.renderPNG(), caption: defaultCaption, alt: description)
    }

    private func table(_ points: [GridPoint], seeds: Int) -> Table {
        var header = axes.map(\.option) + ["Test accuracy", "95% CI"]
        if let baseline { header += ["Δ vs \(baseline.name)", "95% CI of Δ", "Wins / ties / losses"] }
        let rows = points.map { point in
            var row = zip(axes, point.indices).map { $0.labels[$1] } + [Format.percent(point.accuracy.mean), point.accuracy.bracketed]
            if let comparison = point.comparison {
                let text = PairedDifference.describe(comparison)
                row += [text.difference, text.interval, "\(comparison.wins)/\(comparison.ties)/\(comparison.losses)"]
            }
            return row
        }
        return Table(caption: "The grid of '\(name)': test accuracy over \(seeds) seeds per point"
                     + (baseline.map { "; Δ is the paired difference to '\($0.name)' on the same seeds. An interval of Δ that includes 0 shows no measurable difference" } ?? "") + ".",
                     header: header, rows: rows, alignments: axes.map { _ in .leading } + Array(repeating: .trailing, count: header.count - axes.count))
    }
}
