/// A training run that could not finish.
public enum TrainingError: Error, Equatable, CustomStringConvertible {
    /// The loss became NaN or infinite.
    case diverged(epoch: Int, learningRate: Float)

    public var description: String {
        switch self {
        case let .diverged(epoch, learningRate):
            "training diverged at epoch \(epoch): the loss is not finite; try a learning rate below \(learningRate)"
        }
    }
}
