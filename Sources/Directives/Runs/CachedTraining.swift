import DistillCore
import Notebook

/// Training through the cache: a network that an earlier build trained under the same compute
/// key (options, data, teacher, training code) comes back bit for bit instead of retraining.
enum CachedTraining {
    /// Each run counts its epochs as units of work on the progress display; the directive
    /// announces them all first (`expectWork`).
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

    /// Announces `runs` training runs of `epochs` epochs to the progress display.
    static func expectWork(runs: Int, epochs: Int, context: ExecutionContext) {
        context.progress.expect(runs * epochs)
    }

    /// The weights as safetensors, then the history: epoch count and four doubles an epoch, as
    /// their bit patterns (big-endian), so nothing is rounded.
    static func encode(_ trained: TrainedModel) -> [UInt8] {
        let weights = SafeTensors.encode(trained.model.stateDict())
        var bytes = bigEndian(UInt64(weights.count)) + weights + bigEndian(UInt64(trained.history.epochs.count))
        for epoch in trained.history.epochs {
            for value in [epoch.trainLoss, epoch.trainAccuracy, epoch.testLoss, epoch.testAccuracy] {
                bytes += bigEndian(value.bitPattern)
            }
        }
        return bytes
    }

    struct Malformed: Error {}

    static func decode(_ bytes: [UInt8], activation: Activation) throws -> TrainedModel {
        var offset = 0
        func next() throws -> UInt64 {
            guard offset + 8 <= bytes.count else { throw Malformed() }
            defer { offset += 8 }
            return bytes[offset..<(offset + 8)].reduce(0) { $0 << 8 | UInt64($1) }
        }
        let weightsLength = try next()
        guard weightsLength <= UInt64(bytes.count - offset) else { throw Malformed() }
        let weights = Array(bytes[offset..<(offset + Int(weightsLength))])
        offset += Int(weightsLength)
        let model = try MLP<Float>(stateDict: SafeTensors.decode(weights, fileName: "cache"), activation: activation, fileName: "cache")
        let epochs = try next()
        guard epochs == UInt64(bytes.count - offset) / 32, (bytes.count - offset) % 32 == 0 else { throw Malformed() }
        var history = TrainingHistory()
        for _ in 0..<epochs {
            let values = try (0..<4).map { _ in Double(bitPattern: try next()) }
            history.epochs.append(EpochRecord(trainLoss: values[0], trainAccuracy: values[1], testLoss: values[2], testAccuracy: values[3]))
        }
        return TrainedModel(model: model, history: history)
    }

    private static func bigEndian(_ value: UInt64) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }
}
