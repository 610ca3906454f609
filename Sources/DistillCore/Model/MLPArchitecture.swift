/// The shape of a multilayer perceptron: `inputs → hidden[0] → … → outputs`, with the same
/// activation after every hidden layer and none after the last (it outputs logits).
public struct MLPArchitecture: Sendable, Hashable {
    public let inputs: Int
    public let hidden: [Int]
    public let outputs: Int
    public let activation: Activation
    /// The dense layers in order, laid out one after another in a flat parameter buffer
    /// (the order of PyTorch's state dict: fc1.weight, fc1.bias, fc2.weight, …). Stored, not
    /// computed: every forward and backward pass walks them, thousands of times a second.
    public let layers: [Linear]
    public let parameterCount: Int

    public init(inputs: Int, hidden: [Int], outputs: Int, activation: Activation = .relu) {
        precondition(inputs > 0 && outputs > 0 && hidden.allSatisfy { $0 > 0 }, "layer sizes must be positive")
        self.inputs = inputs
        self.hidden = hidden
        self.outputs = outputs
        self.activation = activation
        let widths = [inputs] + hidden + [outputs]
        var offset = 0
        layers = zip(widths, widths.dropFirst()).map { inputs, outputs in
            let layer = Linear(inputs: inputs, outputs: outputs, weightOffset: offset)
            offset += layer.parameterCount
            return layer
        }
        parameterCount = offset
    }

    /// Layer widths from input to output, e.g. [4, 10, 3].
    public var widths: [Int] { [inputs] + hidden + [outputs] }

    /// Multiply-adds for one example's forward pass.
    public var multiplyAddsPerExample: Int { zip(widths, widths.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 } }

    /// "4-10-3", the way papers write an MLP's widths.
    public var description: String { widths.map(String.init).joined(separator: "-") }
}
