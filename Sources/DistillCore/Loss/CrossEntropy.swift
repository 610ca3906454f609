/// Cross-entropy of integer labels under softmax(logits), averaged over the batch
/// (PyTorch's `F.cross_entropy` with the default `reduction='mean'`).
///
/// Gradient: ∂/∂z_i = (softmax(z)_i − [i = y]) / N.
public enum CrossEntropy {
    /// Mean loss of `batch` rows of `classes` logits; writes ∂loss/∂logits into `gradient`.
    static func evaluate<T: TrainingScalar>(logits: UnsafePointer<T>, labels: some Collection<Int>, classes: Int,
                                            gradient: UnsafeMutablePointer<T>?) -> Double {
        let batch = labels.count
        var total = 0.0
        if T.self == Float.self, batch > 1 {
            // The whole batch at once, with the same bits (`Softmax.logSoftmaxRows`).
            withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 * batch * classes) { buffer in
                let logQ = buffer.baseAddress!, q = logQ + batch * classes
                Softmax.logSoftmaxRows(UnsafeRawPointer(logits).assumingMemoryBound(to: Float.self), rows: batch, columns: classes,
                                       temperature: 1, into: logQ, probabilities: q)
                for (r, label) in labels.enumerated() { total -= Double(logQ[r * classes + label]) }
                if let gradient {
                    oneHotGradient(probabilities: q, labels: labels, classes: classes,
                                   into: UnsafeMutableRawPointer(gradient).assumingMemoryBound(to: Float.self))
                }
            }
            return total / Double(batch)
        }
        withUnsafeTemporaryAllocation(of: T.self, capacity: 2 * classes) { buffer in
            let logQ = buffer.baseAddress!, q = logQ + classes
            for (r, label) in labels.enumerated() {
                Softmax.logSoftmaxRow(logits + r * classes, count: classes, temperature: 1, into: logQ, probabilities: q)
                total -= Double(logQ[label])
                guard let gradient else { continue }
                for c in 0..<classes {
                    gradient[r * classes + c] = (q[c] - (c == label ? 1 : 0)) / T(batch)
                }
            }
        }
        return total / Double(batch)
    }

    /// (q − onehot(label)) / batch for every logit of the block: first q / batch everywhere, eight
    /// at a time (q − 0 is q, bit for bit), then the label's own entry (q − 1) / batch.
    private static func oneHotGradient(probabilities q: UnsafePointer<Float>, labels: some Collection<Int>, classes: Int,
                                       into gradient: UnsafeMutablePointer<Float>) {
        let batch = labels.count, count = batch * classes, size = Float(batch)
        var i = 0
        while i + 8 <= count {
            let value = UnsafeRawPointer(q + i).loadUnaligned(as: SIMD8<Float>.self) / size
            UnsafeMutableRawPointer(gradient + i).storeBytes(of: value, as: SIMD8<Float>.self)
            i += 8
        }
        for i in i..<count { gradient[i] = q[i] / size }
        for (r, label) in labels.enumerated() {
            gradient[r * classes + label] = (q[r * classes + label] - 1) / size
        }
    }

    /// Mean cross-entropy of a batch of logits against its labels.
    public static func loss<T: TrainingScalar>(logits: Matrix<T>, labels: [Int]) -> Double {
        precondition(labels.count == logits.rows, "one label per row")
        guard !labels.isEmpty else { return 0 }
        return logits.values.withUnsafeBufferPointer {
            evaluate(logits: $0.baseAddress!, labels: labels, classes: logits.columns, gradient: nil)
        }
    }

    /// Mean loss and ∂loss/∂logits as a matrix (for tests and one-off evaluations).
    public static func lossAndGradient<T: TrainingScalar>(logits: Matrix<T>, labels: [Int]) -> (loss: Double, gradient: Matrix<T>) {
        var gradient = Matrix<T>(zeros: logits.rows, logits.columns)
        let loss = logits.values.withUnsafeBufferPointer { z in
            gradient.values.withUnsafeMutableBufferPointer { g in
                evaluate(logits: z.baseAddress!, labels: labels, classes: logits.columns, gradient: g.baseAddress!)
            }
        }
        return (loss, gradient)
    }
}
