import DistillCore
import Notebook

/// A network's logits over a set of examples (in Double, computed once) and its soft targets,
/// the softmax at temperature T, for any T.
struct SoftTargets {
    /// Temperatures a directive may use: low enough to sharpen, high enough to flatten any logits.
    static let temperatureRange = NumberRange(0.05, 1000)

    /// The options of the kinds that show a network's soft targets.
    static let modelOption = OptionSpec.required("model", .reference(kinds: TrainedRuns.kinds), "The network (its first seed).")
    static let temperaturesOption = OptionSpec.optional("temperatures", .list(.number(temperatureRange), count: 1...8),
                                                        default: "[1, 4, 10]", "Temperatures T to compare.")

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
