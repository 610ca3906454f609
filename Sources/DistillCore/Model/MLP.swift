/// A multilayer perceptron whose parameters live in one flat buffer, in the order of
/// PyTorch's state dict, so an optimiser step is a single loop over parameters and gradients.
public struct MLP<Scalar: TrainingScalar>: Sendable, Equatable {
    public let architecture: MLPArchitecture
    public var parameters: [Scalar]

    /// A freshly initialised network (PyTorch's default initialisation, layer by layer).
    public init(_ architecture: MLPArchitecture, generator: inout SeededGenerator) {
        var parameters = [Scalar](repeating: 0, count: architecture.parameterCount)
        parameters.withUnsafeMutableBufferPointer { buffer in
            for layer in architecture.layers { layer.initialize(buffer.baseAddress!, using: &generator) }
        }
        self.architecture = architecture
        self.parameters = parameters
    }

    /// A network with the given parameters (e.g. loaded from a file).
    public init(_ architecture: MLPArchitecture, parameters: [Scalar]) {
        precondition(parameters.count == architecture.parameterCount, "parameter count does not match the architecture")
        self.architecture = architecture
        self.parameters = parameters
    }

    /// The same network with `amount` added to the output bias of class `index`: Hinton, Vinyals
    /// & Dean's correction for a class the student never saw while learning (its logit is
    /// otherwise too low).
    public func raisingOutputBias(of index: Int, by amount: Scalar) -> MLP {
        precondition(architecture.outputs > index && index >= 0, "no output \(index)")
        var copy = self
        copy.parameters[parameters.count - architecture.outputs + index] += amount
        return copy
    }

    /// Logits for a batch in evaluation mode (no dropout). x: [batch, inputs] → [batch, outputs].
    public func logits(_ x: Matrix<Scalar>) -> Matrix<Scalar> {
        guard x.rows > 0 else { return Matrix(zeros: 0, architecture.outputs) }
        precondition(x.columns == architecture.inputs, "input has \(x.columns) features, the network expects \(architecture.inputs)")
        let workspace = Workspace<Scalar>(architecture, capacity: x.rows)
        workspace.loadRows(of: x, 0..<x.rows)
        forward(workspace, batch: x.rows)
        return Matrix(rows: x.rows, columns: architecture.outputs,
                      values: Array(UnsafeBufferPointer(start: workspace.logits, count: x.rows * architecture.outputs)))
    }

    /// The evaluation-mode forward pass of the first `batch` rows already in the workspace's
    /// input buffer (which no pass writes: a fixed set is loaded once).
    func forward(_ workspace: Workspace<Scalar>, batch: Int) {
        var unused = SeededGenerator(seed: 0)
        forward(workspace, batch: batch, dropout: nil, generator: &unused)
    }

    /// Forward pass over the `batch` rows in the workspace's input buffer; every layer's
    /// input stays in the workspace for the backward pass. With `dropout`, each hidden
    /// layer's output is masked (training mode), drawing from `generator`.
    func forward(_ workspace: Workspace<Scalar>, batch: Int, dropout: Dropout?, generator: inout SeededGenerator) {
        let layers = architecture.layers
        parameters.withUnsafeBufferPointer { parameters in
            for (index, layer) in layers.enumerated() {
                let output = workspace.activations[index + 1]
                layer.forward(parameters.baseAddress!, x: workspace.activations[index], batch: batch, y: output,
                              scratch: workspace.productScratch)
                guard index < layers.count - 1 else { continue }
                architecture.activation.forward(output, count: batch * layer.outputs)
                if let dropout, dropout.probability > 0 {
                    workspace.undropped[index].update(from: output, count: batch * layer.outputs)
                    dropout.apply(output, mask: workspace.masks[index], count: batch * layer.outputs, generator: &generator)
                }
            }
        }
    }

    /// Backward pass: from ∂loss/∂logits in `workspace.logitGradient` to ∂loss/∂parameters in
    /// `workspace.gradients` (overwritten). Needs the same batch's forward pass just before.
    func backward(_ workspace: Workspace<Scalar>, batch: Int, dropout: Dropout?) {
        let layers = architecture.layers
        var dy = UnsafeMutablePointer(workspace.logitGradient)
        var spare = workspace.upstream
        parameters.withUnsafeBufferPointer { parameters in
            for index in layers.indices.reversed() {
                let layer = layers[index]
                let input = workspace.activations[index]
                let dx: UnsafeMutablePointer<Scalar>? = index > 0 ? spare : nil
                layer.backward(parameters.baseAddress!, x: input, dy: dy, batch: batch, gradients: workspace.gradients, dx: dx,
                               scratch: workspace.productScratch)
                guard let dx else { continue }
                let count = batch * layer.inputs
                // Through the previous hidden layer's dropout and activation, in reverse order.
                var activationOutput = UnsafePointer(input)
                if let dropout, dropout.probability > 0 {
                    dropout.backward(dx, mask: workspace.masks[index - 1], count: count)
                    activationOutput = UnsafePointer(workspace.undropped[index - 1])
                }
                architecture.activation.backward(output: activationOutput, gradient: dx, count: count)
                spare = dy == workspace.logitGradient ? workspace.downstream : dy
                dy = dx
            }
        }
    }
}
