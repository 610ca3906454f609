/// The result of training: the final network and what each epoch measured.
public struct TrainedModel: Sendable, Equatable {
    public let model: MLP<Float>
    public let history: TrainingHistory

    public init(model: MLP<Float>, history: TrainingHistory) {
        self.model = model
        self.history = history
    }
}

/// Trains an MLP by (mini-)batch gradient descent on an objective.
public enum Trainer {
    /// One training run. Deterministic: the same configuration, data and objective give
    /// bit-identical weights and history on any x86_64 machine.
    ///
    /// Per epoch: shuffle (mini-batch only, unless `shuffle` is off); for each batch forward → loss → backward →
    /// update; then evaluate on the test split.
    ///
    /// - Parameters:
    ///   - initialModel: start from these weights instead of a fresh initialisation (its
    ///     architecture must match the configuration and data).
    ///   - afterEpoch: called after each epoch (for a progress display).
    public static func train(_ configuration: TrainingConfiguration, data: PreparedData,
                             objective: any TrainingObjective, initialModel: MLP<Float>? = nil,
                             afterEpoch: () -> Void = {}) throws -> TrainedModel {
        precondition(configuration.epochs >= 1, "train at least one epoch")
        let architecture = MLPArchitecture(inputs: data.featureCount, hidden: configuration.hidden,
                                           outputs: data.classCount, activation: configuration.activation)
        let model = initialModel ?? {
            var generator = SeededGenerator.stream(seed: configuration.seed, .initialization)
            return MLP<Float>(architecture, generator: &generator)
        }()
        precondition(model.architecture == architecture, "initial weights do not match the architecture")
        let exampleCount = data.train.exampleCount
        let batchSize = min(configuration.batchSize ?? exampleCount, exampleCount)
        let step = TrainingStep(model: model, optimizer: configuration.optimizer, objective: objective,
                                batchCapacity: batchSize, dropout: configuration.dropout, seed: configuration.seed)
        var shuffleGenerator = SeededGenerator.stream(seed: configuration.seed, .shuffle)
        var order = Array(0..<exampleCount)
        var history = TrainingHistory()
        let testWorkspace = Workspace<Float>(architecture, capacity: max(data.test.exampleCount, 1))
        // Fixed inputs are loaded once: the test set, and the training set when every epoch is
        // one batch of it in order.
        precondition(data.test.features.columns == architecture.inputs, "test set has \(data.test.features.columns) features, the network expects \(architecture.inputs)")
        testWorkspace.loadRows(of: data.test.features, 0..<data.test.exampleCount)
        let sameBatchEveryEpoch = batchSize == exampleCount
        if sameBatchEveryEpoch { step.load(data.train.features, examples: order[...]) }
        let diverged = TrainingError.diverged(epoch: 0, learningRate: configuration.optimizer.learningRate)

        for epoch in 1...configuration.epochs {
            if configuration.shuffle && batchSize < exampleCount { order.seededShuffle(using: &shuffleGenerator) }
            var lossSum = 0.0, softSum = 0.0, hardSum = 0.0
            var correct = 0
            for start in stride(from: 0, to: exampleCount, by: batchSize) {
                let batch = order[start..<min(start + batchSize, exampleCount)]
                if !sameBatchEveryEpoch { step.load(data.train.features, examples: batch) }
                step.forward()
                let loss = step.loss(examples: batch)
                guard loss.total.isFinite else { throw diverged.at(epoch: epoch) }
                lossSum += loss.total * Double(batch.count)
                softSum += loss.soft * Double(batch.count)
                hardSum += loss.hard * Double(batch.count)
                correct += step.correctCount(examples: batch, labels: data.train.labels)
                step.backward()
                step.update()
            }
            guard step.model.parameters.allSatisfy(\.isFinite) else { throw diverged.at(epoch: epoch) }
            step.model.forward(testWorkspace, batch: data.test.exampleCount)
            let evaluation = Evaluation.lossAndAccuracy(logits: testWorkspace.logits, classes: architecture.outputs,
                                                        labels: data.test.labels)
            guard evaluation.crossEntropy.isFinite else { throw diverged.at(epoch: epoch) }
            history.epochs.append(EpochRecord(
                trainLoss: lossSum / Double(exampleCount),
                trainSoftLoss: softSum / Double(exampleCount),
                trainHardLoss: hardSum / Double(exampleCount),
                trainAccuracy: Double(correct) / Double(exampleCount),
                testLoss: evaluation.crossEntropy,
                testAccuracy: evaluation.accuracy))
            afterEpoch()
        }
        return TrainedModel(model: step.model, history: history)
    }
}
