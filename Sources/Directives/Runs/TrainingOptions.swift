import DistillCore
import Foundation
import Notebook

/// The options {train} and {distill} share: the share of the data to train on, the network,
/// the optimiser and the seeds.
struct TrainingOptions: Sendable {
    static let specs: [OptionSpec] = [
        .optional("train_fraction", .number(.openClosed(0, 1)), "Share of each class of the training split to train on (1 when the data does not set it): the small-data experiment."),
        .optional("drop_classes", .list(.text, count: 1...1000), "Classes (names or indices) removed from the training split, kept in the test split."),
        .optional("hidden", .list(.integer(1...4096), count: 1...8), default: "[10]", "Widths of the hidden layers, e.g. [10] or [256, 256]."),
        .optional("activation", .choice(Activation.self), default: "relu", "Activation of the hidden layers."),
        .optional("dropout", .number(.closedOpen(0, 0.95)), default: "0", "Dropout probability after each hidden layer while training."),
        .optional("optimizer", .choice(OptimizerName.self), default: "adam", "Optimiser, with PyTorch's update rules."),
        .optional("lr", .number(NumberRange(1e-6, 10)), default: "0.01", "Learning rate."),
        .optional("momentum", .number(.closedOpen(0, 1)), "SGD momentum (sgd only; 0 when absent)."),
        .optional("weight_decay", .number(NumberRange(0, 1)), default: "0", "L2 penalty added to the gradient."),
        .optional("epochs", .integer(1...100_000), default: "100", "Passes over the training set."),
        .optional("batch_size", .integer(1...1_000_000), "Examples per step; absent: the full training set."),
        .optional("shuffle", .boolean, default: "true", "Draw mini-batches in a new random order each epoch; false keeps the file order."),
        .optional("seed", .integer(0...1_000_000_000), default: "0", "First seed of the weight initialisation, batch order and dropout."),
        .optional("seeds", .integer(1...200), default: "1", "Number of seeds, seed, seed+1, …: results are then the mean and 95% CI."),
        .optional("initial_weights", .path(extensions: [".safetensors"]), "A .safetensors file (PyTorch names fc1.weight, fc1.bias, …) to start from instead of a random initialisation."),
    ]

    /// The values of the `optimizer` option.
    enum OptimizerName: String, CaseIterable { case adam, sgd }

    /// Nil: the data's own share.
    var trainFraction: Double?
    /// As written: names or indices, resolved against the data's class names when it is loaded;
    /// nil: the data's own.
    let droppedClasses: [String]?
    var configuration: TrainingConfiguration
    var seeds: [UInt64]
    /// Project-relative path of the starting weights, if any.
    let initialWeights: String?

    init(_ options: DirectiveOptions) throws {
        trainFraction = options.optional("train_fraction")
        droppedClasses = options.optional("drop_classes")
        let first = UInt64(options.get("seed", as: Int.self))
        seeds = (0..<UInt64(options.get("seeds", as: Int.self))).map { first + $0 }
        initialWeights = options.optional("initial_weights")
        var configuration = TrainingConfiguration(
            hidden: options.get("hidden"), activation: options.choice("activation"),
            dropout: Float(options.get("dropout", as: Double.self)), optimizer: try Self.optimizer(options),
            epochs: options.get("epochs"), batchSize: options.optional("batch_size"), seed: first)
        configuration.shuffle = options.get("shuffle")
        self.configuration = configuration
    }

    private static func optimizer(_ options: DirectiveOptions) throws -> OptimizerConfiguration {
        let learningRate = Float(options.get("lr", as: Double.self))
        let weightDecay = Float(options.get("weight_decay", as: Double.self))
        let momentum = options.optional("momentum", as: Double.self)
        switch options.choice("optimizer", as: OptimizerName.self) {
        case .sgd:
            return .sgd(.init(learningRate: learningRate, momentum: Float(momentum ?? 0), weightDecay: weightDecay))
        case .adam:
            if momentum != nil { throw options.error("momentum", "'momentum' applies to sgd only; Adam keeps its own moments") }
            return .adam(.init(learningRate: learningRate, weightDecay: weightDecay))
        }
    }

    /// The configuration for one seed.
    func configuration(seed: UInt64) -> TrainingConfiguration {
        var configuration = configuration
        configuration.seed = seed
        return configuration
    }

    /// The starting network from `initial_weights`, checked against the architecture the data
    /// and options call for; nil for a random initialisation.
    func initialModel(inputs: Int, outputs: Int, files: ProjectFiles) throws -> MLP<Float>? {
        guard let path = initialWeights else { return nil }
        let model = try WeightsFile.load(path, activation: configuration.activation, in: files)
        let expected = MLPArchitecture(inputs: inputs, hidden: configuration.hidden, outputs: outputs,
                                       activation: configuration.activation)
        guard model.architecture == expected else {
            throw ExecutionError("'\(path)' holds a \(model.architecture.description) network, but the options and data call for \(expected.description)")
        }
        return model
    }

    /// The training data for these options from `split`: its test set, with this directive's
    /// `train_fraction` and `drop_classes` where given; refuses data that leaves nothing to
    /// train on.
    func prepare(_ split: SplitData) throws -> PreparedData {
        let dropped = try droppedClasses.map { try Self.classIndices($0, in: split.classNames, data: split.name) }
        let data = split.prepared(trainFraction: trainFraction, droppedClasses: dropped)
        guard data.train.exampleCount > 0 else {
            throw ExecutionError("no training examples are left after the test split, train_fraction and drop_classes")
        }
        return data
    }

    /// Class indices for `drop_classes` (or another option naming classes), by name or index.
    static func classIndices(_ entries: [String], in classNames: [String], data: String, option: String = "drop_classes") throws -> [Int] {
        try entries.map { entry in
            if let index = classNames.firstIndex(of: entry) { return index }
            if let index = Int(entry), classNames.indices.contains(index) { return index }
            throw ExecutionError("'\(entry)' in \(option) is not a class of \(data) (\(classNames.joined(separator: ", ")))")
        }
    }
}
