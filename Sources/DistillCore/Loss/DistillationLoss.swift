/// The distillation loss of Hinton, Vinyals & Dean (2015), in this project's convention:
/// **α weights the soft term** (α = 1 is pure distillation). torchdistill's `KDLoss` and Keras's
/// example put α on the hard term instead: their α is our 1 − α.
///
///     L = α · T² · KL(p ‖ q) + (1 − α) · CE(y, softmax(s))
///
/// p = softmax(t/T) are the teacher's soft targets, q = softmax(s/T) the student's at the same
/// temperature, and KL is summed over classes and averaged over the batch — PyTorch's
/// `KLDivLoss(reduction='batchmean')`, the true KL. (`reduction='mean'`, PyTorch's default,
/// also divides by the number of classes: a common silent bug.)
///
/// Why T²: ∂KL(p‖softmax(s/T))/∂s_i = (q_i − p_i)/T, and q − p itself shrinks like 1/T as T
/// grows, so the soft gradient scales like 1/T². Multiplying by T² keeps the balance between
/// the soft and hard terms when T changes; the soft term's gradient per example is then
/// T·(q_i − p_i). For large T with zero-mean logits, T·(q_i − p_i) → (s_i − t_i)/C: distillation
/// becomes logit matching.
///
/// KL(p‖q) = Σ p log p − Σ p log q differs from the soft cross-entropy −Σ p log q by the
/// teacher's entropy, a constant: same gradient, curves offset.
public struct DistillationLoss<T: TrainingScalar>: Sendable {
    public let temperature: T
    /// Weight of the soft (distillation) term; 1 − α weights the hard-label cross-entropy.
    public let alpha: T

    public init(temperature: T, alpha: T) {
        precondition(temperature > 0, "temperature must be positive")
        precondition(alpha >= 0 && alpha <= 1, "alpha must be in [0, 1]")
        self.temperature = temperature
        self.alpha = alpha
    }

    /// The parts of the loss, each a batch mean.
    public struct Value: Sendable {
        /// α·T²·KL + (1 − α)·CE
        public let total: Double
        /// KL(p ‖ q) averaged over the batch (without T²).
        public let kl: Double
        /// Hard-label cross-entropy at T = 1.
        public let crossEntropy: Double
    }

    /// Evaluates a batch: student row r belongs to example `examples[r]`, whose label is
    /// `labels[examples[r]]` and whose teacher softmax and log softmax at this temperature are
    /// row `examples[r]` of `teacherProbabilities` and `teacherLogProbabilities` (read in place,
    /// not copied). Writes ∂L/∂student into `gradient` when given.
    func evaluate(student: UnsafePointer<T>, teacherProbabilities: UnsafePointer<T>, teacherLogProbabilities: UnsafePointer<T>,
                  labels: UnsafePointer<Int>, examples: some Collection<Int>, classes: Int,
                  gradient: UnsafeMutablePointer<T>?) -> Value {
        let batch = examples.count
        var klSum = 0.0
        var ceSum = 0.0
        let softWeight = alpha * temperature        // α·T²·(1/T) from the chain rule through s/T
        let hardWeight = 1 - alpha
        withUnsafeTemporaryAllocation(of: T.self, capacity: 4 * classes) { buffer in
            let logQ = buffer.baseAddress!, q = logQ + classes, logQ1 = q + classes, q1 = logQ1 + classes
            for (r, example) in examples.enumerated() {
                let label = labels[example]
                let s = student + r * classes
                let p = teacherProbabilities + example * classes, logP = teacherLogProbabilities + example * classes
                Softmax.logSoftmaxRow(s, count: classes, temperature: temperature, into: logQ, probabilities: q)
                Softmax.logSoftmaxRow(s, count: classes, temperature: 1, into: logQ1, probabilities: q1)
                var kl = 0.0
                for c in 0..<classes where p[c] > 0 { kl += Double(p[c]) * Double(logP[c] - logQ[c]) }
                klSum += kl
                ceSum -= Double(logQ1[label])
                guard let gradient else { continue }
                for c in 0..<classes {
                    let hard = q1[c] - (c == label ? 1 : 0)
                    gradient[r * classes + c] = (softWeight * (q[c] - p[c]) + hardWeight * hard) / T(batch)
                }
            }
        }
        let kl = klSum / Double(batch)
        let ce = ceSum / Double(batch)
        let t = Double(temperature)
        return Value(total: Double(alpha) * t * t * kl + Double(hardWeight) * ce, kl: kl, crossEntropy: ce)
    }

    /// The loss and ∂L/∂student for whole matrices of teacher and student logits.
    public func lossAndGradient(student: Matrix<T>, teacher: Matrix<T>, labels: [Int]) -> (value: Value, gradient: Matrix<T>) {
        precondition(student.rows == teacher.rows && student.columns == teacher.columns && labels.count == student.rows,
                     "teacher, student and labels must describe the same batch")
        let teacherLog = Softmax.logProbabilities(teacher, temperature: temperature)
        let teacherProbabilities = Softmax.probabilities(fromLog: teacherLog)
        var gradient = Matrix<T>(zeros: student.rows, student.columns)
        let value = student.values.withUnsafeBufferPointer { s in
            teacherProbabilities.values.withUnsafeBufferPointer { p in
                teacherLog.values.withUnsafeBufferPointer { logP in
                    labels.withUnsafeBufferPointer { y in
                        gradient.values.withUnsafeMutableBufferPointer { g in
                            evaluate(student: s.baseAddress!, teacherProbabilities: p.baseAddress!,
                                     teacherLogProbabilities: logP.baseAddress!, labels: y.baseAddress!,
                                     examples: 0..<labels.count, classes: student.columns, gradient: g.baseAddress!)
                        }
                    }
                }
            }
        }
        return (value, gradient)
    }
}
