import DistillCore
import Notebook

/// `{train}`: trains an MLP on hard labels, over one or several seeds, and shows a summary
/// table. Other directives use it by name (`{plot}` its curves, `{distill}` as a teacher).
///
/// ```{train} teacher
/// data: iris
/// hidden: [10]
/// epochs: 200
/// seeds: 10
/// ```
struct TrainDirective: Directive {
    static let kind = "train"
    static let options = DataSource.options + [
        OptionDoc("test_fraction", "Share of each class held out for testing (default 0.2)."),
        OptionDoc("split_seed", "Seed of the stratified train/test split (default 0)."),
    ] + TrainingOptions.docs

    let name: String
    let source: DataSource
    let testFraction: Double
    let splitSeed: UInt64
    let training: TrainingOptions
    let caption: String?

    init(name: String, options: DirectiveOptions) throws {
        self.name = name
        source = try DataSource(options)
        testFraction = try options.double("test_fraction") ?? 0.2
        guard testFraction > 0 && testFraction < 1 else { throw options.error("test_fraction", "'test_fraction' must be between 0 and 1") }
        let splitSeed = try options.int("split_seed") ?? 0
        guard splitSeed >= 0 else { throw options.error("split_seed", "'split_seed' must not be negative") }
        self.splitSeed = UInt64(splitSeed)
        training = try TrainingOptions(options)
        caption = try options.string("caption")
    }

    var dependencies: [String] { [] }

    func run(in context: ExecutionContext) throws -> DirectiveResult {
        let dataset = try source.load(in: context.projectDirectory)
        let split = PreparedData.Recipe(dataset: source.name, testFraction: testFraction, splitSeed: splitSeed)
        let data = try training.prepare(dataset, split: split)
        let objective = HardLabelObjective(labels: data.train.labels)
        let training = self.training
        let start = try training.initialModel(inputs: data.featureCount, outputs: data.classCount,
                                              projectDirectory: context.projectDirectory)
        let models = try SeedRunner.run(seeds: training.seeds) { seed in
            try Trainer.train(training.configuration(seed: seed), data: data, objective: objective, initialModel: start)
        }
        let result = TrainedRuns(name: name, dataset: dataset, data: data,
                                 runs: SeededRuns(seeds: training.seeds, runs: models), distillation: nil)
        return DirectiveResult(value: result, blocks: [.table(RunSummary.table(result, caption: caption))])
    }
}
