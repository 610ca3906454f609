/// The result of training: the final network and what each epoch measured.
public struct TrainedModel: Sendable, Equatable {
    public let model: MLP
    public let history: TrainingHistory
}

/// Trains an MLP by (mini-)batch gradient descent on an objective.
public enum Trainer {
    /// One training run. Deterministic: the same configuration, data and objective give
    /// bit-identical weights and history.
    ///
    /// - Parameter initialModel: start from these weights instead of a fresh initialisation
    ///   (its architecture must match the configuration and data).
    public static func train(_ configuration: TrainingConfiguration, data: PreparedData,
                             objective: any TrainingObjective, initialModel: MLP? = nil) throws -> TrainedModel {
        let architecture = MLPArchitecture(inputs: data.featureCount, hidden: configuration.hidden,
                                           outputs: data.classCount, activation: configuration.activation)
        var model: MLP
        if let initialModel {
            precondition(initialModel.architecture == architecture, "initial weights do not match the architecture")
            model = initialModel
        } else {
            var initGenerator = SeededGenerator.stream(seed: configuration.seed, .initialization)
            model = MLP(architecture, generator: &initGenerator)
        }
        var optimizer = configuration.optimizer.makeOptimizer(parameterCount: model.parameters.count)
        var shuffleGenerator = SeededGenerator.stream(seed: configuration.seed, .shuffle)
        let exampleCount = data.train.exampleCount
        let batchSize = min(configuration.batchSize ?? exampleCount, exampleCount)
        var history = TrainingHistory()

        for epoch in stride(from: 1, through: configuration.epochs, by: 1) {
            var order = Array(0..<exampleCount)
            if batchSize < exampleCount { order.seededShuffle(using: &shuffleGenerator) }
            var lossSum = 0.0
            var correct = 0.0
            for start in stride(from: 0, to: exampleCount, by: batchSize) {
                let batch = Array(order[start..<min(start + batchSize, exampleCount)])
                let inputs = data.train.features.gatherRows(batch)
                let trace = model.forward(inputs)
                let evaluation = objective.evaluate(logits: trace.logits, examples: batch)
                guard evaluation.loss.isFinite else {
                    throw TrainingError.diverged(epoch: epoch, learningRate: configuration.optimizer.learningRate)
                }
                lossSum += evaluation.loss * Double(batch.count)
                correct += accuracy(logits: trace.logits, labels: batch.map { data.train.labels[$0] }) * Double(batch.count)
                let gradients = model.backward(trace, logitGradient: evaluation.logitGradient)
                optimizer.step(parameters: &model.parameters, gradients: gradients)
            }
            let testLogits = model.logits(data.test.features)
            let testLoss = CrossEntropy.loss(logits: testLogits, labels: data.test.labels)
            guard testLoss.isFinite, model.parameters.allSatisfy(\.isFinite) else {
                throw TrainingError.diverged(epoch: epoch, learningRate: configuration.optimizer.learningRate)
            }
            history.epochs.append(EpochRecord(
                trainLoss: lossSum / Double(exampleCount),
                trainAccuracy: correct / Double(exampleCount),
                testLoss: testLoss,
                testAccuracy: accuracy(logits: testLogits, labels: data.test.labels)))
        }
        return TrainedModel(model: model, history: history)
    }
}
