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
    static let code = CodeModules.computing
    static let summary = "Trains an MLP on hard labels over one or several seeds."
    static let shows = Shows.table
    static let options = [DataSource.dataOption, DataSource.labelOption] + SplitOptions.specs + TrainingOptions.specs
    static var fieldDocs: [FieldDoc] { RunFields.docs }

    let name: String
    let source: DataSource
    let splitOptions: SplitOptions
    let training: TrainingOptions
    let caption: String?
    let dependencies: [Dependency]

    init(name: String, options: DirectiveOptions) throws {
        self.name = name
        source = try DataSource(options)
        splitOptions = try SplitOptions(options, source: source)
        training = try TrainingOptions(options)
        caption = options.optional("caption")
        dependencies = DataSource.dependency(options)
    }

    func run(in context: ExecutionContext) throws -> DirectiveResult {
        let split = try splitOptions.split(source, in: context)
        let data = try training.prepare(split)
        let objective = HardLabelObjective(labels: data.train.labels)
        let training = self.training
        let start = try training.initialModel(inputs: data.featureCount, outputs: data.classCount,
                                              files: context.files)
        try CachedTraining.announce(runs: training.seeds.count, training.configuration(seed: 0), data: data, context: context)
        let models = try SeedRunner.run(seeds: training.seeds) { seed in
            try CachedTraining.train(training.configuration(seed: seed), data: data, objective: objective, initialModel: start,
                                     context: context)
        }
        let result = TrainedRuns(name: name, kind: Self.kind, split: split, data: data,
                                 runs: SeededRuns(seeds: training.seeds, runs: models))
        return RunSummary.result(result, caption: caption)
    }
}
