/// PyTorch state-dict names for an MLP built as `nn.Linear` layers `fc1, fc2, …`:
/// `fc1.weight` [out, in], `fc1.bias` [out], … — so a teacher trained in PyTorch loads here and
/// a student trained here loads into PyTorch.
extension MLP where Scalar == Float {
    /// The network's tensors in state-dict order.
    public func stateDict() -> [SafeTensors.Tensor] {
        architecture.layers.enumerated().flatMap { index, layer in
            [
                SafeTensors.Tensor(name: "fc\(index + 1).weight", shape: [layer.outputs, layer.inputs],
                                   values: Array(parameters[layer.weightOffset..<layer.biasOffset])),
                SafeTensors.Tensor(name: "fc\(index + 1).bias", shape: [layer.outputs],
                                   values: Array(parameters[layer.biasOffset..<(layer.biasOffset + layer.outputs)])),
            ]
        }
    }

    /// A network from `fc1.weight`, `fc1.bias`, `fc2.weight`, …; the architecture is read from
    /// the shapes, the activation must be given (a state dict does not record it).
    public init(stateDict tensors: [SafeTensors.Tensor], activation: Activation, fileName: String) throws {
        let byName = Dictionary(tensors.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var widths = [Int]()
        var parameters = [Float]()
        var index = 1
        while let weight = byName["fc\(index).weight"] {
            guard weight.shape.count == 2, weight.shape.allSatisfy({ $0 > 0 }) else {
                throw DataFileError(file: fileName, "fc\(index).weight must be a non-empty [out, in] matrix, not \(weight.shape)")
            }
            let (outputs, inputs) = (weight.shape[0], weight.shape[1])
            if let previous = widths.last, previous != inputs {
                throw DataFileError(file: fileName, "fc\(index).weight takes \(inputs) inputs but fc\(index - 1) gives \(previous)")
            }
            guard let bias = byName["fc\(index).bias"], bias.shape == [outputs] else {
                throw DataFileError(file: fileName, "fc\(index).bias must exist with shape [\(outputs)]")
            }
            if let bad = [weight, bias].first(where: { !$0.values.allSatisfy(\.isFinite) }) {
                throw DataFileError(file: fileName, "\(bad.name) holds values that are not finite (NaN or infinity)")
            }
            if widths.isEmpty { widths.append(inputs) }
            widths.append(outputs)
            parameters += weight.values + bias.values
            index += 1
        }
        guard widths.count >= 2 else { throw DataFileError(file: fileName, "no fc1.weight: not an MLP state dict of fc1, fc2, …") }
        let used = Set((1..<index).flatMap { ["fc\($0).weight", "fc\($0).bias"] })
        if let extra = tensors.map(\.name).first(where: { !used.contains($0) }) {
            throw DataFileError(file: fileName, "unexpected tensor '\(extra)' (expected only fc1.weight, fc1.bias, fc2.weight, …)")
        }
        let architecture = MLPArchitecture(inputs: widths[0], hidden: Array(widths.dropFirst().dropLast()),
                                           outputs: widths.last!, activation: activation)
        self.init(architecture, parameters: parameters)
    }
}
