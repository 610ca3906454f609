import DistillCore

/// A network's soft targets: its softmax at temperature T over a split's examples (in Double,
/// from the float logits), and the quantities a histogram shows.
enum SoftTargets {
    /// probabilities[i] for example i.
    static func probabilities(_ model: MLP<Float>, features: Matrix<Float>, temperature: Double) -> [[Double]] {
        let logits = model.logits(features)
        let doubles = Matrix<Double>(rows: logits.rows, columns: logits.columns, values: logits.values.map(Double.init))
        let soft = Softmax.probabilities(doubles, temperature: temperature)
        return (0..<soft.rows).map { Array(soft.row($0)) }
    }
}
