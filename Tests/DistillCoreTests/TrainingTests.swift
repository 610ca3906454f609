import Testing
@testable import DistillCore

@Suite struct TrainingTests {
    let data = PreparedData(try! ShippedDataset.iris.load(), testFraction: 0.2, splitSeed: 0)

    @Test func irisShapeAndStratifiedSplit() throws {
        let iris = try ShippedDataset.iris.load()
        #expect(iris.features.rows == 150 && iris.features.columns == 4)
        #expect(iris.classCounts == [50, 50, 50])
        #expect(data.train.exampleCount == 120 && data.test.exampleCount == 30)
        #expect(data.test.classCounts == [10, 10, 10])
    }

    @Test func standardizedTrainingFeaturesHaveZeroMeanUnitVariance() {
        for c in 0..<data.featureCount {
            let column = (0..<data.train.exampleCount).map { Double(data.train.features[$0, c]) }
            let mean = column.reduce(0, +) / Double(column.count)
            let variance = column.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(column.count)
            #expect(isApproximatelyEqual(mean, 0, absolute: 1e-5))
            #expect(isApproximatelyEqual(variance, 1, absolute: 1e-4))
        }
    }

    @Test(arguments: [
        OptimizerConfiguration.adam(.init(learningRate: 0.01)),
        .sgd(.init(learningRate: 0.1, momentum: 0.9)),
    ])
    func lossDecreasesAndIrisIsLearned(optimizer: OptimizerConfiguration) throws {
        let configuration = TrainingConfiguration(hidden: [10], optimizer: optimizer, epochs: 150, seed: 1)
        let run = try Trainer.train(configuration, data: data, objective: HardLabelObjective(labels: data.train.labels))
        let losses = run.history.trainLoss
        #expect(losses.count == 150)
        #expect(losses.last! < losses.first! * 0.3)
        #expect(run.history.testAccuracy.last! >= 0.9)
    }

    @Test func sameSeedGivesBitIdenticalRuns() throws {
        let configuration = TrainingConfiguration(hidden: [8, 8], optimizer: .adam(.init(learningRate: 0.01)),
                                                  epochs: 20, batchSize: 16, seed: 7)
        let objective = HardLabelObjective(labels: data.train.labels)
        let first = try Trainer.train(configuration, data: data, objective: objective)
        let second = try Trainer.train(configuration, data: data, objective: objective)
        #expect(first == second)
        var other = configuration
        other.seed = 8
        #expect(try Trainer.train(other, data: data, objective: objective).model != first.model)
    }

    @Test func divergenceIsReportedWithTheEpoch() {
        let configuration = TrainingConfiguration(hidden: [10], optimizer: .sgd(.init(learningRate: 1e6)), epochs: 50, seed: 1)
        #expect(throws: TrainingError.self) {
            try Trainer.train(configuration, data: data, objective: HardLabelObjective(labels: data.train.labels))
        }
    }
}
