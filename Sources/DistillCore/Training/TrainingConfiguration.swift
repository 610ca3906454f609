/// Everything that determines a training run besides the data and the objective.
public struct TrainingConfiguration: Sendable, Hashable {
    public var hidden: [Int]
    public var activation: Activation
    /// Dropout probability after each hidden layer during training (0: none).
    public var dropout: Float
    public var optimizer: OptimizerConfiguration
    public var epochs: Int
    /// Examples per step; nil trains on the full batch.
    public var batchSize: Int?
    /// Seeds the weight initialisation, the mini-batch order and the dropout masks.
    public var seed: UInt64
    /// Whether mini-batches are drawn in a new random order each epoch (false: file order).
    public var shuffle: Bool = true

    public init(hidden: [Int], activation: Activation = .relu, dropout: Float = 0, optimizer: OptimizerConfiguration,
                epochs: Int, batchSize: Int? = nil, seed: UInt64 = 0) {
        self.hidden = hidden
        self.activation = activation
        self.dropout = dropout
        self.optimizer = optimizer
        self.epochs = epochs
        self.batchSize = batchSize
        self.seed = seed
    }
}
