import Testing
@testable import DistillCore

@Suite struct TrainingCostTests {
    /// digits: 1,437 training and 360 test examples; 64-1-10 has 85 parameters.
    @Test func countsArithmeticStepsAndExamples() {
        let epoch = TrainingCost.estimate(parameters: 85, trainExamples: 1437, testExamples: 360, batchSize: 1, epochs: 1, runs: 1)
        let arithmetic = 85.0 * (6 * 1437 + 2 * 360)
        let step: Double = TrainingCost.perStep + 85 * TrainingCost.perParameterStep
        #expect(epoch == arithmetic + 1437 * step + 1797 * TrainingCost.perExample)
        // One step an epoch with the whole set as its batch; a batch size beyond the set is the same.
        let full = TrainingCost.estimate(parameters: 85, trainExamples: 1437, testExamples: 360, batchSize: nil, epochs: 1, runs: 1)
        #expect(full == arithmetic + step + 1797 * TrainingCost.perExample)
        #expect(full == TrainingCost.estimate(parameters: 85, trainExamples: 1437, testExamples: 360, batchSize: 5000, epochs: 1, runs: 1))
        let batches = TrainingCost.estimate(parameters: 85, trainExamples: 1437, testExamples: 360, batchSize: 32, epochs: 3, runs: 2)
        let perEpoch: Double = arithmetic + 45 * step + 1797 * TrainingCost.perExample
        #expect(batches == 6 * perEpoch, "45 batches of 32 an epoch, 3 epochs, 2 runs")
    }

    /// The run that passed the old FLOP-only budget and would train for hours: 7.2 billion
    /// steps at about 4 µs, far over the default 5 TFLOP (100 s), which FLOPs alone did not see.
    @Test func aTinyNetworkInBatchesOfOneForHoursIsOverTheBudget() {
        let cost = TrainingCost.estimate(parameters: 85, trainExamples: 1437, testExamples: 360, batchSize: 1, epochs: 100_000, runs: 50)
        let arithmetic: Double = 85.0 * (6 * 1437 + 2 * 360) * 100_000 * 50
        #expect(arithmetic < 5e12, "FLOPs alone are under the budget")
        #expect(cost / TrainingCost.assumedRate > 6 * 3600, "about 8 hours")
        #expect(cost > 100 * 5e12)
    }

    /// A wide network in batches of one is bound by memory: 64-512-512-10 took 578 µs a step,
    /// so 1,600 epochs (22 minutes) must be over the budget, though their arithmetic is not.
    @Test func aWideNetworkInBatchesOfOneCountsItsMemoryTraffic() {
        let cost = TrainingCost.estimate(parameters: 301_066, trainExamples: 1437, testExamples: 360, batchSize: 1, epochs: 1600, runs: 1)
        let seconds = cost / TrainingCost.assumedRate
        #expect(seconds > 900 && seconds < 3000, "about 22 minutes, estimated \(seconds) s")
    }

    /// A 64-4096-4096-10 teacher's logits over the training set, once for each of 200 students.
    @Test func aTeachersForwardPassesAreCounted() {
        let cost = TrainingCost.inference(parameters: 17_101_834, examples: 1437, runs: 200)
        #expect(cost > 5e12, "about 0.7 s a student: over 100 s")
    }
}
