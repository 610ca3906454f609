import DistillCore
import Notebook

/// `{train}`: trains an MLP on hard labels and shows a summary table.
///
/// ```{train} teacher
/// data: iris
/// hidden: [10]
/// epochs: 200
/// optimizer: adam
/// lr: 0.01
/// ```
struct TrainDirective: Directive {
    static let kind = "train"
    static let options = [
        OptionDoc("data", "Shipped data set to train on: iris."),
        OptionDoc("test_fraction", "Share of each class held out for testing (default 0.2)."),
        OptionDoc("split_seed", "Seed of the stratified train/test split (default 0)."),
        OptionDoc("hidden", "Widths of the hidden layers, e.g. [10] or [256, 256] (default [10])."),
        OptionDoc("activation", "relu or tanh (default relu)."),
        OptionDoc("optimizer", "sgd or adam (default adam)."),
        OptionDoc("lr", "Learning rate (default 0.01)."),
        OptionDoc("momentum", "SGD momentum (default 0)."),
        OptionDoc("weight_decay", "L2 penalty added to the gradient (default 0)."),
        OptionDoc("epochs", "Passes over the training set (default 100)."),
        OptionDoc("batch_size", "Examples per step; omit for full-batch training."),
        OptionDoc("seed", "Seed of the weight initialisation and batch order (default 0)."),
    ]

    let name: String
    let dataset: ShippedDataset
    let testFraction: Double
    let splitSeed: UInt64
    let configuration: TrainingConfiguration
    let caption: String?

    init(name: String, options: DirectiveOptions) throws {
        self.name = name
        let dataName = try options.required("data", options.string)
        guard let dataset = ShippedDataset(rawValue: dataName) else {
            throw options.error("data", "unknown data set '\(dataName)'\(didYouMean(dataName, among: ShippedDataset.allCases.map(\.rawValue)))")
        }
        self.dataset = dataset
        testFraction = try options.double("test_fraction") ?? 0.2
        guard testFraction > 0 && testFraction < 1 else { throw options.error("test_fraction", "'test_fraction' must be between 0 and 1") }
        splitSeed = try Self.seed(options, "split_seed")
        let hidden = try options.intList("hidden") ?? [10]
        guard hidden.allSatisfy({ $0 > 0 && $0 <= 8192 }) else { throw options.error("hidden", "hidden layer widths must be between 1 and 8192") }
        let activationName = try options.string("activation") ?? "relu"
        guard let activation = Activation(rawValue: activationName) else {
            throw options.error("activation", "unknown activation '\(activationName)'\(didYouMean(activationName, among: Activation.allCases.map(\.rawValue)))")
        }
        let epochs = try options.int("epochs") ?? 100
        guard epochs >= 1 && epochs <= 100_000 else { throw options.error("epochs", "'epochs' must be between 1 and 100000") }
        let batchSize = try options.int("batch_size")
        if let batchSize, batchSize < 1 { throw options.error("batch_size", "'batch_size' must be at least 1") }
        configuration = TrainingConfiguration(hidden: hidden, activation: activation, optimizer: try Self.optimizer(options),
                                              epochs: epochs, batchSize: batchSize, seed: try Self.seed(options, "seed"))
        caption = try options.string("caption")
    }

    static func seed(_ options: DirectiveOptions, _ key: String) throws -> UInt64 {
        let value = try options.int(key) ?? 0
        guard value >= 0 else { throw options.error(key, "'\(key)' must not be negative") }
        return UInt64(value)
    }

    static func optimizer(_ options: DirectiveOptions) throws -> OptimizerConfiguration {
        let learningRate = try options.double("lr") ?? 0.01
        guard learningRate > 0 else { throw options.error("lr", "'lr' must be positive") }
        let weightDecay = try options.double("weight_decay") ?? 0
        guard weightDecay >= 0 else { throw options.error("weight_decay", "'weight_decay' must not be negative") }
        let momentum = try options.double("momentum")
        switch try options.string("optimizer") ?? "adam" {
        case "sgd":
            guard (momentum ?? 0) >= 0 && (momentum ?? 0) < 1 else { throw options.error("momentum", "'momentum' must be in [0, 1)") }
            return .sgd(.init(learningRate: Float(learningRate), momentum: Float(momentum ?? 0), weightDecay: Float(weightDecay)))
        case "adam":
            if momentum != nil { throw options.error("momentum", "'momentum' applies to sgd only; Adam has its own moments") }
            return .adam(.init(learningRate: Float(learningRate), weightDecay: Float(weightDecay)))
        case let other:
            throw options.error("optimizer", "unknown optimizer '\(other)'\(didYouMean(other, among: ["sgd", "adam"]))")
        }
    }

    var dependencies: [String] { [] }

    func run(in context: ExecutionContext) throws -> DirectiveResult {
        let data = PreparedData(try dataset.load(), testFraction: testFraction, splitSeed: splitSeed)
        let result = try Trainer.train(configuration, data: data, objective: HardLabelObjective(labels: data.train.labels))
        let run = TrainedRun(name: name, configuration: configuration, data: data, result: result)
        return DirectiveResult(value: run, blocks: [.table(summary(run))])
    }

    private func summary(_ run: TrainedRun) -> Table {
        let architecture = run.result.model.architecture
        let last = run.result.history.epochs.last!
        return Table(
            caption: caption ?? "Training run '\(name)': \(architecture.description) MLP on \(dataset.rawValue), "
                + "\(run.data.train.exampleCount) training and \(run.data.test.exampleCount) test examples.",
            header: ["Parameters", "Epochs", "Train loss", "Test loss", "Train accuracy", "Test accuracy"],
            rows: [[String(architecture.parameterCount), String(configuration.epochs), Format.number(last.trainLoss),
                    Format.number(last.testLoss), Format.percent(last.trainAccuracy), Format.percent(last.testAccuracy)]],
            alignments: Array(repeating: .trailing, count: 6))
    }
}
