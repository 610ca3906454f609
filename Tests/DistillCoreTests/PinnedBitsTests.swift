import Digest
import Testing
@testable import DistillCore

/// The training loop's results pinned to the bit: a SHA-256 of the final weights and of every
/// epoch's record for runs that cover the paths a report takes — full batch, shuffled
/// mini-batches with dropout and tanh, SGD with momentum, a distilled student — and of a full
/// evaluation. Speed work must leave every bit of the report as it was; a reordered sum, a fused
/// multiply-add or another exponential fails here. A deliberate change of the numbers updates
/// these digests (and the committed report) in the same commit. The project promises these bits
/// on every x86_64 machine, with either matrix kernel and any number of threads (the digests were
/// computed before the training loop's speed work of 2026-12-02 and still hold after it).
#if arch(x86_64)
@Suite struct PinnedBitsTests {
    static let data = PreparedData(try! ShippedDataset.iris.load(), testFraction: 0.2, splitSeed: 0)

    static func train(_ configuration: TrainingConfiguration, _ objective: any TrainingObjective) throws -> TrainedModel {
        try Trainer.train(configuration, data: data, objective: objective)
    }

    static var teacher: TrainedModel {
        get throws {
            try train(TrainingConfiguration(hidden: [10], optimizer: .adam(.init(learningRate: 0.01)), epochs: 300, seed: 1),
                      HardLabelObjective(labels: data.train.labels))
        }
    }

    /// SHA-256 of the weights' bit patterns, then each epoch's six figures', little-endian.
    static func digest(_ run: TrainedModel) -> String {
        var hash = SHA256()
        for weight in run.model.parameters { hash.update(withUnsafeBytes(of: weight.bitPattern.littleEndian) { Array($0) }) }
        for epoch in run.history.epochs {
            for value in [epoch.trainLoss, epoch.trainSoftLoss, epoch.trainHardLoss, epoch.trainAccuracy,
                          epoch.testLoss, epoch.testAccuracy] {
                hash.update(withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) })
            }
        }
        return hash.finalize().hexString
    }

    @Test func fullBatchAdam() throws {
        let digest = Self.digest(try Self.teacher)
        #expect(digest == "fa810a491be0a940a9e75b12580b2787f0522a85091219264bd7e530608ec9c2")
    }

    @Test func shuffledMiniBatchesWithDropoutAndTanh() throws {
        let configuration = TrainingConfiguration(hidden: [16, 8], activation: .tanh, dropout: 0.2,
                                                  optimizer: .sgd(.init(learningRate: 0.05, momentum: 0.9)),
                                                  epochs: 40, batchSize: 16, seed: 5)
        let digest = Self.digest(try Self.train(configuration, HardLabelObjective(labels: Self.data.train.labels)))
        #expect(digest == "ea1c141e57be0fe601e7f8a154fa8dc5583b2fdca6bc258a1b9203dd95a8fb88")
    }

    @Test func distilledStudent() throws {
        let objective = DistillationObjective(loss: DistillationLoss(temperature: 4, alpha: 0.7),
                                              labels: Self.data.train.labels,
                                              teacherLogits: try Self.teacher.model.logits(Self.data.train.features))
        let configuration = TrainingConfiguration(hidden: [4], optimizer: .adam(.init(learningRate: 0.02)),
                                                  epochs: 100, batchSize: 32, seed: 2)
        let digest = Self.digest(try Self.train(configuration, objective))
        #expect(digest == "b22186c03bbd0802265474f661bbd8afacf4bbe1ba796220cf455d609bfe74bd")
    }

    @Test func fullEvaluation() throws {
        let evaluation = Evaluation(logits: try Self.teacher.model.logits(Self.data.test.features), labels: Self.data.test.labels)
        let values = [evaluation.accuracy, evaluation.crossEntropy, evaluation.brierScore, evaluation.expectedCalibrationError]
        #expect(values.map(\.bitPattern) == [4607182418800017408, 4580824994725862059, 4570125718149574559, 4580547108103747443])
    }
}
#endif
