/// What one epoch of training measured. Two records are equal when every value has the same
/// bits (a NaN soft term equals itself: "the same run" is what equality asks).
public struct EpochRecord: Sendable, Equatable {
    public static func == (a: EpochRecord, b: EpochRecord) -> Bool {
        [a.trainLoss, a.trainSoftLoss, a.trainHardLoss, a.trainAccuracy, a.testLoss, a.testAccuracy].map(\.bitPattern)
            == [b.trainLoss, b.trainSoftLoss, b.trainHardLoss, b.trainAccuracy, b.testLoss, b.testAccuracy].map(\.bitPattern)
    }

    /// Mean loss of the forward passes made during the epoch (before each step), weighted by
    /// batch size: what a PyTorch loop that averages `loss.item()` over the epoch records.
    public let trainLoss: Double
    /// Of a distillation: the soft term T²·KL(teacher ‖ student) of those passes, unweighted;
    /// NaN when training on labels alone.
    public let trainSoftLoss: Double
    /// The hard-label cross-entropy of those passes (the loss itself on labels alone).
    public let trainHardLoss: Double
    /// Accuracy of those same forward passes.
    public let trainAccuracy: Double
    /// Cross-entropy on the test split after the epoch's last step.
    public let testLoss: Double
    /// Accuracy on the test split after the epoch's last step.
    public let testAccuracy: Double

    public init(trainLoss: Double, trainSoftLoss: Double, trainHardLoss: Double, trainAccuracy: Double, testLoss: Double,
                testAccuracy: Double) {
        self.trainLoss = trainLoss
        self.trainSoftLoss = trainSoftLoss
        self.trainHardLoss = trainHardLoss
        self.trainAccuracy = trainAccuracy
        self.testLoss = testLoss
        self.testAccuracy = testAccuracy
    }
}

/// Per-epoch measurements of a training run, in epoch order.
public struct TrainingHistory: Sendable, Equatable {
    public var epochs: [EpochRecord] = []

    public init(epochs: [EpochRecord] = []) {
        self.epochs = epochs
    }

    public var trainLoss: [Double] { epochs.map(\.trainLoss) }
    public var testLoss: [Double] { epochs.map(\.testLoss) }
    public var trainAccuracy: [Double] { epochs.map(\.trainAccuracy) }
    public var testAccuracy: [Double] { epochs.map(\.testAccuracy) }
}
