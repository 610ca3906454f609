/// A training run that could not finish.
public enum TrainingError: Error, Equatable, CustomStringConvertible {
    /// The loss or the weights became NaN or infinite.
    case diverged(epoch: Int, learningRate: Float)

    func at(epoch: Int) -> TrainingError {
        switch self {
        case .diverged(_, let learningRate): .diverged(epoch: epoch, learningRate: learningRate)
        }
    }

    public var description: String {
        switch self {
        case let .diverged(epoch, learningRate):
            "training diverged at epoch \(epoch): the loss is no longer finite; try a learning rate below \(learningRate)"
        }
    }
}
