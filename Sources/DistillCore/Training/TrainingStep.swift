/// One model being trained: its parameters, optimiser state and reusable buffers, with the
/// four phases of a step exposed separately so the trainer reads like the textbook loop and a
/// benchmark can time each phase.
public final class TrainingStep {
    public private(set) var model: MLP<Float>
    private var optimizer: any Optimizer
    private let objective: any TrainingObjective
    private let dropout: Dropout?
    private var dropoutGenerator: SeededGenerator
    private let workspace: Workspace<Float>
    private var batchCount = 0

    public init(model: MLP<Float>, optimizer: OptimizerConfiguration, objective: any TrainingObjective,
                batchCapacity: Int, dropout: Float = 0, seed: UInt64 = 0) {
        self.model = model
        self.optimizer = optimizer.makeOptimizer(parameterCount: model.parameters.count)
        self.objective = objective
        self.dropout = dropout > 0 ? Dropout(probability: dropout) : nil
        dropoutGenerator = SeededGenerator.stream(seed: seed, .dropout)
        workspace = Workspace(model.architecture, capacity: batchCapacity)
    }

    /// Phase 1: the forward pass on the rows `examples` of `features` (training mode).
    public func forward(_ features: Matrix<Float>, examples: ArraySlice<Int>) {
        load(features, examples: examples)
        forward()
    }

    /// Phase 1 in two parts: loading a batch's rows, then the forward pass on the rows loaded.
    /// The input buffer is only read by the passes, so a batch that is the same every epoch
    /// (the whole training set, unshuffled) is loaded once.
    func load(_ features: Matrix<Float>, examples: ArraySlice<Int>) {
        workspace.loadRows(of: features, examples)
        batchCount = examples.count
    }

    func forward() {
        model.forward(workspace, batch: batchCount, dropout: dropout, generator: &dropoutGenerator)
    }

    /// Phase 2: the batch's mean loss, and ∂loss/∂logits kept for the backward pass.
    public func loss(examples: ArraySlice<Int>) -> LossTerms {
        objective.evaluate(logits: workspace.logits, examples: examples, classes: model.architecture.outputs,
                           gradient: workspace.logitGradient)
    }

    /// Phase 3: the backward pass, ∂loss/∂parameters.
    public func backward() {
        model.backward(workspace, batch: batchCount, dropout: dropout)
    }

    /// Phase 4: the optimiser's update.
    public func update() {
        let gradients = UnsafeBufferPointer(start: workspace.gradients, count: model.parameters.count)
        model.parameters.withUnsafeMutableBufferPointer { optimizer.step(parameters: $0, gradients: gradients) }
    }

    /// How many of the last forward pass's rows (the training examples `examples`) were
    /// classified as `labels` says.
    public func correctCount(examples: ArraySlice<Int>, labels: [Int]) -> Int {
        correctPredictions(logits: workspace.logits, classes: model.architecture.outputs,
                           labels: BatchLabels(examples: examples, labels: labels))
    }
}
