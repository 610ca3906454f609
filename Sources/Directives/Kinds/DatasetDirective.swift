import DistillCore
import Notebook

/// `{dataset}`: loads a shipped data set or a CSV file, splits it into train and test (or takes
/// a second CSV file as the test set as it is) and standardises it; shows a summary table.
/// Runs name it in `data:` to share one split.
///
/// ```{dataset} flowers
/// data: data/flowers.csv
/// label: species
/// test_data: data/flowers-test.csv
/// ```
struct DatasetDirective: Directive {
    static let kind = "dataset"
    static let code = CodeModules.computing
    static let summary = "Loads and splits a data set once, for runs to share by name."
    static let shows = Shows.table
    static let options: [OptionSpec] = [
        .required("data", .oneOf([.choice(DataSource.shippedNames), .path(extensions: [".csv"])]),
                  "A shipped data set (\(DataSource.shippedNames.joined(separator: ", "))) or a project-relative .csv file."),
        DataSource.labelOption,
        .optional("test_data", .path(extensions: [".csv"]), "A second CSV file used as the test set as it is (no split); its classes must occur in the training file."),
    ] + SplitOptions.specs + [
        .optional("train_fraction", .number(.openClosed(0, 1)), default: "1", "Share of each class of the training split to keep."),
        .optional("drop_classes", .list(.text, count: 1...1000), "Classes (names or indices) removed from the training split, kept in the test split."),
    ]
    static let fieldDocs = [
        FieldDoc("train_examples", .count, "Examples in the training split."),
        FieldDoc("test_examples", .count, "Examples in the test split."),
        FieldDoc("features", .count, "Number of features."),
        FieldDoc("classes", .count, "Number of classes."),
    ]

    let name: String
    let source: DataSource
    let testSource: DataSource?
    let splitOptions: SplitOptions
    let trainFraction: Double
    let droppedClasses: [String]
    let caption: String?
    var dependencies: [Dependency] { [] }

    init(name: String, options: DirectiveOptions) throws {
        self.name = name
        guard ShippedDataset(rawValue: name) == nil else {
            throw Diagnostic(at: options.location, "a {dataset} cannot be named '\(name)', the name of a shipped data set; choose another name")
        }
        let source = try DataSource(options)
        self.source = source
        testSource = try options.optional("test_data", as: String.self).map { path in
            guard case let .csv(_, label) = source else {
                throw options.error("test_data", "'test_data' needs 'data' to be a CSV file too")
            }
            if options.contains("test_fraction") || options.contains("split_seed") {
                throw options.error("test_data", "with 'test_data' the test set is given, so 'test_fraction' and 'split_seed' do not apply")
            }
            return .csv(path: path, labelColumn: label)
        }
        splitOptions = try SplitOptions(options, source: source)
        trainFraction = options.get("train_fraction")
        droppedClasses = options.optional("drop_classes") ?? []
        caption = options.optional("caption")
    }

    func run(in context: ExecutionContext) throws -> DirectiveResult {
        let loaded = try splitOptions.split(source, in: context, testSource: testSource)
        var recipe = loaded.recipe
        recipe.trainFraction = trainFraction
        recipe.droppedClasses = try TrainingOptions.classIndices(droppedClasses, in: loaded.classNames, data: source.name)
        let split = SplitData(dataset: loaded.dataset, testSet: loaded.testSet, recipe: recipe)
        let data = split.prepared()
        guard data.train.exampleCount > 0 else {
            throw ExecutionError("no training examples are left after the test split, train_fraction and drop_classes")
        }
        let trainCounts = data.train.classCounts, testCounts = data.test.classCounts
        var rows = split.classNames.indices.map { index in
            [split.classNames[index], ValueFormat.grouped(trainCounts[index]), ValueFormat.grouped(testCounts[index])]
        }
        rows.append(["All \(split.classNames.count) classes", ValueFormat.grouped(data.train.exampleCount), ValueFormat.grouped(data.test.exampleCount)])
        let how = testSource.map { "the test set is \($0.name) as it is" }
            ?? "a stratified split holds out \(Format.number(splitOptions.testFraction * 100))% of each class (split seed \(splitOptions.splitSeed))"
        let scaling = splitOptions.standardize ? "features standardised on the training split" : "features used as they are"
        let defaultCaption = "Data set '\(name)': \(source.name), \(data.featureCount) features, \(split.classNames.count) classes; "
            + "\(how); \(scaling)"
            + (trainFraction < 1 ? "; \(Format.number(trainFraction * 100))% of each class kept for training" : "")
            + (recipe.droppedClasses.isEmpty ? "" : "; classes removed from training: \(recipe.droppedClasses.map { split.classNames[$0] }.joined(separator: ", "))")
            + "."
        let table = Table(caption: caption ?? defaultCaption, header: ["Class", "Train", "Test"], rows: rows,
                          alignments: [.leading, .trailing, .trailing])
        let fields: [String: InlineValue] = [
            "train_examples": .count(data.train.exampleCount), "test_examples": .count(data.test.exampleCount),
            "features": .count(data.featureCount), "classes": .count(split.classNames.count),
        ]
        return DirectiveResult(value: split, blocks: [.table(table)], fields: fields)
    }
}
