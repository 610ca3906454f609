/// What one epoch of training measured.
public struct EpochRecord: Sendable, Equatable {
    /// Mean loss of the forward passes made during the epoch (before each step), weighted by
    /// batch size: what a PyTorch loop that averages `loss.item()` over the epoch records.
    public let trainLoss: Double
    /// Accuracy of those same forward passes.
    public let trainAccuracy: Double
    /// Cross-entropy on the test split after the epoch's last step.
    public let testLoss: Double
    /// Accuracy on the test split after the epoch's last step.
    public let testAccuracy: Double

    public init(trainLoss: Double, trainAccuracy: Double, testLoss: Double, testAccuracy: Double) {
        self.trainLoss = trainLoss
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
