import DistillCore
import Foundation
import Notebook

/// The options {train} and {distill} share: how to split the data, the network, the optimiser
/// and the seeds. Each is documented in `docs`.
struct TrainingOptions: Sendable {
    static let docs = [
        OptionDoc("train_fraction", "Share of each class of the training split to train on (default 1): the small-data experiment."),
        OptionDoc("drop_classes", "Classes (names or indices) removed from the training split, kept in the test split."),
        OptionDoc("hidden", "Widths of the hidden layers, e.g. [10] or [256, 256] (default [10])."),
        OptionDoc("activation", "relu or tanh (default relu)."),
        OptionDoc("dropout", "Dropout probability after each hidden layer while training (default 0)."),
        OptionDoc("optimizer", "adam or sgd (default adam)."),
        OptionDoc("lr", "Learning rate (default 0.01)."),
        OptionDoc("momentum", "SGD momentum (default 0; sgd only)."),
        OptionDoc("weight_decay", "L2 penalty added to the gradient (default 0)."),
        OptionDoc("epochs", "Passes over the training set (default 100)."),
        OptionDoc("batch_size", "Examples per step; omit for full-batch training."),
        OptionDoc("seed", "First seed of the weight initialisation, batch order and dropout (default 0)."),
        OptionDoc("seeds", "Number of seeds to run, seed, seed+1, … (default 1); results are then mean and 95% CI."),
        OptionDoc("initial_weights", "A project-relative .safetensors file (PyTorch names fc1.weight, fc1.bias, …) to start from instead of a random initialisation."),
    ]

    let trainFraction: Double
    /// As written: names or indices, resolved against the data's class names when it is loaded.
    let droppedClasses: [String]
    let configuration: TrainingConfiguration
    let seeds: [UInt64]
    /// Project-relative path of the starting weights, if any.
    let initialWeights: String?

    init(_ options: DirectiveOptions) throws {
        trainFraction = try options.double("train_fraction") ?? 1
        guard trainFraction > 0 && trainFraction <= 1 else {
            throw options.error("train_fraction", "'train_fraction' must be in (0, 1]")
        }
        droppedClasses = try options.stringList("drop_classes") ?? []
        let hidden = try options.intList("hidden") ?? [10]
        guard hidden.allSatisfy({ (1...8192).contains($0) }) else {
            throw options.error("hidden", "hidden layer widths must be between 1 and 8192")
        }
        let activation = try options.choice("activation", default: Activation.relu)
        let dropout = try options.double("dropout") ?? 0
        guard dropout >= 0 && dropout < 1 else { throw options.error("dropout", "'dropout' must be in [0, 1)") }
        let epochs = try options.int("epochs") ?? 100
        guard (1...100_000).contains(epochs) else { throw options.error("epochs", "'epochs' must be between 1 and 100000") }
        let batchSize = try options.int("batch_size")
        if let batchSize, batchSize < 1 { throw options.error("batch_size", "'batch_size' must be at least 1") }
        let firstSeed = try options.int("seed") ?? 0
        guard firstSeed >= 0 else { throw options.error("seed", "'seed' must not be negative") }
        let count = try options.int("seeds") ?? 1
        guard (1...1000).contains(count) else { throw options.error("seeds", "'seeds' must be between 1 and 1000") }
        seeds = (0..<count).map { UInt64(firstSeed + $0) }
        initialWeights = try options.string("initial_weights")
        if let path = initialWeights, !ProjectPath.isInside(path) || !path.hasSuffix(".safetensors") {
            throw options.error("initial_weights", "'initial_weights' must be a .safetensors file inside the project, like weights/start.safetensors")
        }
        configuration = TrainingConfiguration(hidden: hidden, activation: activation, dropout: Float(dropout),
                                              optimizer: try Self.optimizer(options), epochs: epochs,
                                              batchSize: batchSize, seed: UInt64(firstSeed))
    }

    private static func optimizer(_ options: DirectiveOptions) throws -> OptimizerConfiguration {
        let learningRate = try options.double("lr") ?? 0.01
        guard learningRate > 0 else { throw options.error("lr", "'lr' must be positive") }
        let weightDecay = try options.double("weight_decay") ?? 0
        guard weightDecay >= 0 else { throw options.error("weight_decay", "'weight_decay' must not be negative") }
        let momentum = try options.double("momentum")
        switch try options.choice("optimizer", default: OptimizerName.adam) {
        case .sgd:
            guard (0..<1).contains(momentum ?? 0) else { throw options.error("momentum", "'momentum' must be in [0, 1)") }
            return .sgd(.init(learningRate: Float(learningRate), momentum: Float(momentum ?? 0), weightDecay: Float(weightDecay)))
        case .adam:
            if momentum != nil { throw options.error("momentum", "'momentum' applies to sgd only; Adam keeps its own moments") }
            return .adam(.init(learningRate: Float(learningRate), weightDecay: Float(weightDecay)))
        }
    }

    /// The values of the `optimizer` option.
    private enum OptimizerName: String, CaseIterable { case adam, sgd }

    /// The configuration for one seed.
    func configuration(seed: UInt64) -> TrainingConfiguration {
        var configuration = configuration
        configuration.seed = seed
        return configuration
    }

    /// The starting network from `initial_weights`, checked against the architecture the data
    /// and options call for; nil for a random initialisation.
    func initialModel(inputs: Int, outputs: Int, projectDirectory: URL) throws -> MLP<Float>? {
        guard let path = initialWeights else { return nil }
        let bytes = try ProjectPath.read(path, in: projectDirectory)
        let model: MLP<Float>
        do {
            model = try MLP(stateDict: SafeTensors.decode(bytes, fileName: path), activation: configuration.activation, fileName: path)
        } catch let error as DataFileError {
            throw error.diagnostic
        }
        let expected = MLPArchitecture(inputs: inputs, hidden: configuration.hidden, outputs: outputs,
                                       activation: configuration.activation)
        guard model.architecture == expected else {
            throw ExecutionError("'\(path)' holds a \(model.architecture.description) network, but the options and data call for \(expected.description)")
        }
        return model
    }

    /// The data for these options: `split`'s train/test split, then this directive's
    /// `train_fraction` and `drop_classes`; refuses data that leaves nothing to train on.
    func prepare(_ dataset: Dataset, split: PreparedData.Recipe) throws -> PreparedData {
        var recipe = split
        recipe.trainFraction = trainFraction
        recipe.droppedClasses = try droppedClassIndices(in: dataset)
        let data = PreparedData(dataset, recipe: recipe)
        guard data.train.exampleCount > 0 else {
            throw ExecutionError("no training examples are left after the test split, train_fraction and drop_classes")
        }
        return data
    }

    /// Class indices for `drop_classes`, by name or index.
    private func droppedClassIndices(in dataset: Dataset) throws -> [Int] {
        try droppedClasses.map { entry in
            if let index = dataset.classNames.firstIndex(of: entry) { return index }
            if let index = Int(entry), dataset.classNames.indices.contains(index) { return index }
            throw ExecutionError("'\(entry)' in drop_classes is not a class of \(dataset.name) (\(dataset.classNames.joined(separator: ", ")))")
        }
    }
}
