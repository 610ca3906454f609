import DistillCore
import Notebook

/// Training through the cache: a network that an earlier build trained under the same compute
/// key (options, data, teacher, training code) comes back bit for bit instead of retraining.
enum CachedTraining {
    /// Each run counts its epochs as units of work on the progress display; the directive
    /// announces them all first (`announce`).
    /// - Parameter label: tells this run apart from the directive's others ("T = 4, seed 2").
    static func train(_ configuration: TrainingConfiguration, data: PreparedData, objective: any TrainingObjective,
                      initialModel: MLP<Float>?, context: ExecutionContext, label: String = "") throws -> TrainedModel {
        var epochsDone = 0
        let trained = try context.memo("\(label)seed \(configuration.seed)", encode: encode,
                                       decode: { try decode($0, activation: configuration.activation) }) {
            try Trainer.train(configuration, data: data, objective: objective, initialModel: initialModel) {
                epochsDone += 1
                context.progress.advance()
            }
        }
        context.progress.advance(configuration.epochs - epochsDone)
        return trained
    }

    /// Checks `runs` training runs of `configuration` on `data` against the book's training
    /// budget, before anything trains, and announces their epochs to the progress display.
    /// - Parameter teacher: the network whose logits each run is taught with, computed anew
    ///   for every run (over the training set).
    static func announce(runs: Int, _ configuration: TrainingConfiguration, data: PreparedData, teacher: MLP<Float>? = nil,
                         context: ExecutionContext) throws {
        try announce([(runs, configuration)], data: data, teacher: teacher, context: context)
    }

    /// The same for several recipes at once (a {sweep}'s grid).
    static func announce(_ recipes: [(runs: Int, configuration: TrainingConfiguration)], data: PreparedData,
                         teacher: MLP<Float>? = nil, context: ExecutionContext) throws {
        let cost = recipes.reduce(0.0) { total, recipe in
            let parameters = MLPArchitecture(inputs: data.featureCount, hidden: recipe.configuration.hidden, outputs: data.classCount,
                                             activation: recipe.configuration.activation).parameterCount
            return total + TrainingCost.estimate(parameters: parameters, trainExamples: data.train.exampleCount,
                                                 testExamples: data.test.exampleCount, batchSize: recipe.configuration.batchSize,
                                                 epochs: recipe.configuration.epochs, runs: recipe.runs)
                + (teacher.map { TrainingCost.inference(parameters: $0.architecture.parameterCount, examples: data.train.exampleCount,
                                                         runs: recipe.runs) } ?? 0)
        }
        let budget = context.trainingBudget
        guard cost <= budget else {
            let seconds = cost / TrainingCost.assumedRate
            throw ExecutionError(String(format: "this training would take about %@ here (%.3g TFLOP of work, counting the arithmetic and a fixed cost per step and per example), more than the book's training budget of %.3g TFLOP (about %@); lower epochs, seeds or widths, use larger batches, or raise training_budget_tflop in book.yml if you mean it",
                                        Self.duration(seconds), cost / 1e12, budget / 1e12, Self.duration(budget / TrainingCost.assumedRate)))
        }
        context.progress.expect(recipes.reduce(0) { $0 + $1.runs * $1.configuration.epochs })
    }

    /// "40 s", "12 min", "6.3 h".
    static func duration(_ seconds: Double) -> String {
        if seconds < 120 { return String(format: "%.0f s", seconds) }
        if seconds < 7200 { return String(format: "%.0f min", seconds / 60) }
        return String(format: "%.2g h", seconds / 3600)
    }

    /// The weights as safetensors, then the history: epoch count and six doubles an epoch, as
    /// their bit patterns (big-endian), so nothing is rounded.
    static func encode(_ trained: TrainedModel) -> [UInt8] {
        let weights = SafeTensors.encode(trained.model.stateDict())
        var writer = ByteWriter()
        writer.word(weights.count)
        writer.append(weights)
        writer.word(trained.history.epochs.count)
        for epoch in trained.history.epochs {
            for value in [epoch.trainLoss, epoch.trainSoftLoss, epoch.trainHardLoss, epoch.trainAccuracy, epoch.testLoss, epoch.testAccuracy] {
                writer.word(value.bitPattern)
            }
        }
        return writer.bytes
    }

    static func decode(_ bytes: [UInt8], activation: Activation) throws -> TrainedModel {
        var reader = ByteReader(bytes)
        let weights = Array(try reader.take(try reader.count()))
        let model = try MLP<Float>(stateDict: SafeTensors.decode(weights, fileName: "cache"), activation: activation, fileName: "cache")
        let epochs = try reader.word()
        guard epochs == UInt64(reader.remaining / 48), reader.remaining % 48 == 0 else { throw ByteReader.Malformed() }
        var history = TrainingHistory()
        for _ in 0..<epochs {
            let values = try (0..<6).map { _ in Double(bitPattern: try reader.word()) }
            history.epochs.append(EpochRecord(trainLoss: values[0], trainSoftLoss: values[1], trainHardLoss: values[2],
                                              trainAccuracy: values[3], testLoss: values[4], testAccuracy: values[5]))
        }
        return TrainedModel(model: model, history: history)
    }
}
