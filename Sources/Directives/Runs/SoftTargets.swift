import DistillCore

/// A network's logits over a set of examples (in Double, computed once) and its soft targets,
/// the softmax at temperature T, for any T.
struct SoftTargets {
    let logits: Matrix<Double>

    init(_ model: MLP<Float>, features: Matrix<Float>) {
        let logits = model.logits(features)
        self.logits = Matrix(rows: logits.rows, columns: logits.columns, values: logits.values.map(Double.init))
    }

    /// probabilities[i] for example i.
    func probabilities(temperature: Double) -> [[Double]] {
        let soft = Softmax.probabilities(logits, temperature: temperature)
        return (0..<soft.rows).map { Array(soft.row($0)) }
    }

    /// The class each example is predicted to be.
    var predictions: [Int] { logits.argmaxPerRow() }
}
