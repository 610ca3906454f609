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
        if T.self == Float.self {
            return floatEvaluate(logits: UnsafeRawPointer(logits).assumingMemoryBound(to: Float.self), labels: labels,
                                 classes: classes,
                                 gradient: gradient.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: Float.self) })
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

    /// The Float batch, eight rows at a time in the lanes of vectors (`SoftmaxLanes`), with the
    /// generic loop's bits: each row's −log q at its label joins the total in row order, and
    /// its gradient (q − onehot(label)) / batch is computed in the lanes (q − 0 is q, bit for bit).
    private static func floatEvaluate(logits: UnsafePointer<Float>, labels: some Collection<Int>, classes: Int,
                                      gradient: UnsafeMutablePointer<Float>?) -> Double {
        typealias Lanes = SIMD8<Float>
        let batch = labels.count, size = Lanes(repeating: Float(batch))
        var total = 0.0
        var label = labels.makeIterator()
        SoftmaxLanes.with(columns: classes) { lanes in
            RowLanes.forEachGroup(logits, rows: batch, columns: classes) { group, first, width in
                lanes.load(group, temperature: 1)
                let rowLabels = RowLanes.labels(count: width) { _ in label.next()! }
                var logQAtLabel = Lanes()
                for c in 0..<classes {
                    let isLabel = rowLabels .== Float(c)
                    logQAtLabel.replace(with: lanes.logQ[c], where: isLabel)
                    if gradient != nil { lanes.q[c] = (lanes.q[c] - Lanes().replacing(with: 1, where: isLabel)) / size }
                }
                if width == 8 {  // lanes read from registers (a loop reads them through the stack)
                    total -= Double(logQAtLabel[0]); total -= Double(logQAtLabel[1])
                    total -= Double(logQAtLabel[2]); total -= Double(logQAtLabel[3])
                    total -= Double(logQAtLabel[4]); total -= Double(logQAtLabel[5])
                    total -= Double(logQAtLabel[6]); total -= Double(logQAtLabel[7])
                } else {
                    for lane in 0..<width { total -= Double(logQAtLabel[lane]) }
                }
                if let gradient { lanes.store(lanes.q, into: gradient, first: first, width: width) }
            }
        }
        return total / Double(batch)
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
