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

    @Test func resultsDoNotDependOnTheNumberOfThreads() throws {
        let data = self.data
        let job: @Sendable (UInt64) throws -> TrainedModel = { seed in
            let configuration = TrainingConfiguration(hidden: [8], optimizer: .sgd(.init(learningRate: 0.1, momentum: 0.9)),
                                                      epochs: 10, batchSize: 32, seed: seed)
            return try Trainer.train(configuration, data: data, objective: HardLabelObjective(labels: data.train.labels))
        }
        let serial = try SeedRunner.run(seeds: [1, 2, 3, 4, 5], threads: 1, job)
        let parallel = try SeedRunner.run(seeds: [1, 2, 3, 4, 5], threads: 2, job)
        #expect(serial == parallel)
        #expect(serial[0] != serial[1])
    }

    @Test func distillationTrainsAStudentTowardsTheTeacher() throws {
        let teacherConfiguration = TrainingConfiguration(hidden: [16], optimizer: .adam(.init(learningRate: 0.01)), epochs: 100, seed: 1)
        let teacher = try Trainer.train(teacherConfiguration, data: data, objective: HardLabelObjective(labels: data.train.labels))
        let objective = DistillationObjective(loss: DistillationLoss(temperature: 4, alpha: 0.9), labels: data.train.labels,
                                              teacherLogits: teacher.model.logits(data.train.features))
        let student = try Trainer.train(TrainingConfiguration(hidden: [8], optimizer: .adam(.init(learningRate: 0.01)), epochs: 200, seed: 2),
                                        data: data, objective: objective)
        #expect(student.history.trainLoss.last! < student.history.trainLoss.first!)
        let agreement = TeacherAgreement(student: student.model.logits(data.test.features),
                                         teacher: teacher.model.logits(data.test.features))
        #expect(agreement.top1Agreement >= 0.9)
        // The recorded terms make up the loss: L = α·soft + (1 − α)·hard, epoch by epoch, and
        // the soft term is T²·KL ≥ 0; on labels alone the hard term is the loss itself.
        for epoch in student.history.epochs {
            #expect(abs(epoch.trainLoss - (0.9 * epoch.trainSoftLoss + 0.1 * epoch.trainHardLoss)) <= 1e-5 * max(1, epoch.trainLoss))
            #expect(epoch.trainSoftLoss >= 0)
        }
        #expect(teacher.history.epochs.allSatisfy { $0.trainSoftLoss.isNaN && $0.trainHardLoss == $0.trainLoss })
    }

    @Test func raisingAnOutputBiasShiftsThatLogitOnly() {
        var generator = SeededGenerator(seed: 3)
        let model = MLP<Float>(MLPArchitecture(inputs: 4, hidden: [5], outputs: 3, activation: .relu), generator: &generator)
        let before = model.logits(data.test.features), after = model.raisingOutputBias(of: 1, by: 3.5).logits(data.test.features)
        for row in 0..<before.rows {
            #expect(after[row, 0] == before[row, 0] && after[row, 2] == before[row, 2])
            #expect(abs(after[row, 1] - before[row, 1] - 3.5) < 1e-5)
        }
    }

    @Test func dropoutIsSeededAndChangesTraining() throws {
        var configuration = TrainingConfiguration(hidden: [16], dropout: 0.5, optimizer: .adam(.init(learningRate: 0.01)),
                                                  epochs: 5, seed: 3)
        let objective = HardLabelObjective(labels: data.train.labels)
        let first = try Trainer.train(configuration, data: data, objective: objective)
        #expect(try Trainer.train(configuration, data: data, objective: objective) == first)
        configuration.dropout = 0
        #expect(try Trainer.train(configuration, data: data, objective: objective) != first)
    }

    @Test func trainingCanStartFromGivenWeights() throws {
        let configuration = TrainingConfiguration(hidden: [8], optimizer: .sgd(.init(learningRate: 0.05)), epochs: 3, seed: 9)
        let objective = HardLabelObjective(labels: data.train.labels)
        var generator = SeededGenerator(seed: 123)
        let start = MLP<Float>(MLPArchitecture(inputs: 4, hidden: [8], outputs: 3), generator: &generator)
        let fromStart = try Trainer.train(configuration, data: data, objective: objective, initialModel: start)
        #expect(try Trainer.train(configuration, data: data, objective: objective, initialModel: start) == fromStart)
        #expect(try Trainer.train(configuration, data: data, objective: objective) != fromStart)
    }

    @Test func divergenceIsReportedWithTheEpoch() {
        let configuration = TrainingConfiguration(hidden: [10], optimizer: .sgd(.init(learningRate: 1e6)), epochs: 50, seed: 1)
        do {
            _ = try Trainer.train(configuration, data: data, objective: HardLabelObjective(labels: data.train.labels))
            Issue.record("a learning rate of 1e6 should diverge")
        } catch let TrainingError.diverged(epoch, learningRate) {
            #expect((1...50).contains(epoch) && learningRate == 1e6)
        } catch {
            Issue.record("unexpected error \(error)")
        }
        #expect(TrainingError.diverged(epoch: 3, learningRate: 0.5).description
                == "training diverged at epoch 3: the loss is no longer finite; try a learning rate below 0.5")
    }
}
