import DistillCore
import Notebook

/// How a shipped or CSV data set is split and scaled: the options {dataset} and {train} share.
/// When `data` names a {dataset}, that directive has split it already and these options are
/// refused.
struct SplitOptions: Sendable {
    static let specs: [OptionSpec] = [
        .optional("test_fraction", .number(NumberRange(0.01, 0.9)), default: "0.2", "Share of each class held out for testing (stratified: ⌈fraction·n⌉ of each class)."),
        .optional("split_seed", .integer(0...1_000_000_000), default: "0", "Seed of the stratified train/test split."),
        .optional("standardize", .boolean, default: "true", "Standardise every feature on the training split's mean and standard deviation."),
    ]

    let testFraction: Double
    let splitSeed: UInt64
    let standardize: Bool

    init(_ options: DirectiveOptions, source: DataSource) throws {
        if case .dataset(let name) = source {
            for key in ["test_fraction", "split_seed", "standardize"] where options.contains(key) {
                throw options.error(key, "'\(key)' belongs to the {dataset} '\(name)', which already splits the data")
            }
        }
        testFraction = options.get("test_fraction")
        splitSeed = UInt64(options.get("split_seed", as: Int.self))
        standardize = options.get("standardize")
    }

    /// The source's data, split: a {dataset}'s own split, or this directive's.
    func split(_ source: DataSource, in context: ExecutionContext, testSource: DataSource? = nil) throws -> SplitData {
        if case .dataset(let name) = source {
            return try context.value(of: name, as: SplitData.self, expected: "a {dataset}")
        }
        let dataset = try source.load(in: context.files)
        let testSet = try testSource.map { try $0.load(in: context.files, classNames: dataset.classNames) }
        if let testSet, testSet.featureNames != dataset.featureNames {
            throw ExecutionError("the test file's columns (\(testSet.featureNames.joined(separator: ", "))) differ from the training file's (\(dataset.featureNames.joined(separator: ", ")))")
        }
        let recipe = PreparedData.Recipe(dataset: source.name, testFraction: testSet == nil ? testFraction : 0, splitSeed: splitSeed,
                                         standardize: standardize, testDataset: testSource?.name)
        return SplitData(dataset: dataset, testSet: testSet, recipe: recipe)
    }
}
