/// A multilayer perceptron whose parameters live in one flat buffer, so an optimiser step is a
/// single loop over `parameters` and `gradients`.
public struct MLP: Sendable, Equatable {
    public let architecture: MLPArchitecture
    public var parameters: [Float]
    let layers: [Linear]

    /// A freshly initialised network (PyTorch's default initialisation, layer by layer).
    public init(_ architecture: MLPArchitecture, generator: inout SeededGenerator) {
        let layers = architecture.layers
        var parameters = [Float](repeating: 0, count: architecture.parameterCount)
        parameters.withUnsafeMutableBufferPointer { buffer in
            for layer in layers { layer.initialize(buffer.baseAddress!, using: &generator) }
        }
        self.architecture = architecture
        self.layers = layers
        self.parameters = parameters
    }

    /// A network with the given parameters (e.g. loaded from a file).
    public init(_ architecture: MLPArchitecture, parameters: [Float]) {
        precondition(parameters.count == architecture.parameterCount, "parameter count does not match the architecture")
        self.architecture = architecture
        self.layers = architecture.layers
        self.parameters = parameters
    }

    public static func == (lhs: MLP, rhs: MLP) -> Bool {
        lhs.architecture == rhs.architecture && lhs.parameters == rhs.parameters
    }

    /// Logits for a batch. x: [batch, inputs] → [batch, outputs].
    public func logits(_ x: Matrix) -> Matrix {
        forward(x).logits
    }

    /// Forward pass keeping every layer's input for the backward pass.
    func forward(_ x: Matrix) -> ForwardTrace {
        precondition(x.columns == architecture.inputs, "input has \(x.columns) features, the network expects \(architecture.inputs)")
        let batch = x.rows
        var activations = [x.values]
        var scratch = [Float](repeating: 0, count: layers.map { $0.inputs * $0.outputs }.max() ?? 0)
        parameters.withUnsafeBufferPointer { parameters in
            for (index, layer) in layers.enumerated() {
                var output = [Float](repeating: 0, count: batch * layer.outputs)
                activations[index].withUnsafeBufferPointer { input in
                    output.withUnsafeMutableBufferPointer { output in
                        scratch.withUnsafeMutableBufferPointer { scratch in
                            layer.forward(parameters.baseAddress!, x: input.baseAddress!, batch: batch,
                                          y: output.baseAddress!, scratch: scratch.baseAddress!)
                        }
                        if index < layers.count - 1 {
                            architecture.activation.forward(output.baseAddress!, count: output.count)
                        }
                    }
                }
                activations.append(output)
            }
        }
        return ForwardTrace(batch: batch, activations: activations, outputs: architecture.outputs)
    }

    /// Backward pass: the gradient of the loss with respect to every parameter, given the
    /// gradient with respect to the logits ([batch, outputs]).
    func backward(_ trace: ForwardTrace, logitGradient: [Float]) -> [Float] {
        var gradients = [Float](repeating: 0, count: parameters.count)
        var upstream = logitGradient
        parameters.withUnsafeBufferPointer { parameters in
            gradients.withUnsafeMutableBufferPointer { gradients in
                for index in layers.indices.reversed() {
                    let layer = layers[index]
                    let needsInputGradient = index > 0
                    var downstream = [Float](repeating: 0, count: needsInputGradient ? trace.batch * layer.inputs : 0)
                    trace.activations[index].withUnsafeBufferPointer { input in
                        upstream.withUnsafeBufferPointer { dy in
                            downstream.withUnsafeMutableBufferPointer { dx in
                                layer.backward(parameters.baseAddress!, x: input.baseAddress!, dy: dy.baseAddress!,
                                               batch: trace.batch, gradients: gradients.baseAddress!,
                                               dx: needsInputGradient ? dx.baseAddress! : nil)
                                if needsInputGradient {
                                    architecture.activation.backward(output: input.baseAddress!,
                                                                     gradient: dx.baseAddress!, count: dx.count)
                                }
                            }
                        }
                    }
                    upstream = downstream
                }
            }
        }
        return gradients
    }
}

/// What a forward pass keeps for the backward pass: the input of every layer and the logits.
struct ForwardTrace {
    let batch: Int
    /// activations[0] is the input batch; activations[l] the input of layer l; the last one the logits.
    let activations: [[Float]]
    let outputs: Int

    var logits: Matrix { Matrix(rows: batch, columns: outputs, values: activations[activations.count - 1]) }
}
