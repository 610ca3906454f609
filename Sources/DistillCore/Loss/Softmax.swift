/// Softmax with temperature, row by row: q_i = exp(z_i/T) / Σ_j exp(z_j/T).
///
/// Computed through the log-sum-exp identity log Σ exp(x_j) = m + log Σ exp(x_j − m) with
/// m = max_j x_j: every exponent is ≤ 0, so nothing overflows, and the largest term is exactly
/// 1, so the sum never underflows to 0. Logits of ±1e4 give finite, exact results.
public enum Softmax {
    /// log softmax(z/T) of one row of `count` logits, written to `out`, and the probabilities
    /// to `probabilities` when given (from the same exponentials: one exp per logit).
    /// Neither output may alias `z`.
    static func logSoftmaxRow<T: TrainingScalar>(_ z: UnsafePointer<T>, count: Int, temperature: T,
                                                 into out: UnsafeMutablePointer<T>,
                                                 probabilities: UnsafeMutablePointer<T>? = nil) {
        if T.self == Float.self {
            return floatRow(UnsafeRawPointer(z).assumingMemoryBound(to: Float.self), count: count,
                            temperature: unsafeBitCast(temperature, to: Float.self),
                            into: UnsafeMutableRawPointer(out).assumingMemoryBound(to: Float.self),
                            probabilities: probabilities.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: Float.self) })
        }
        var maximum = -T.infinity
        for i in 0..<count {
            out[i] = z[i] / temperature
            maximum = max(maximum, out[i])
        }
        var sum = 0.0  // accumulated in Double: the terms are in (0, 1] and there may be many
        for i in 0..<count {
            out[i] -= maximum
            let e = T.exponential(out[i])
            probabilities?[i] = e
            sum += Double(e)
        }
        // (x − m) − log Σ rather than x − (m + log Σ): with |m| large, m + log Σ would round
        // away the digits of log Σ.
        let logSum = T(Double.logarithm(sum))
        for i in 0..<count { out[i] -= logSum }
        if let probabilities {
            let inverse = T(1 / sum)
            for i in 0..<count { probabilities[i] *= inverse }
        }
    }

    /// The Float row: the block version for one row (the same operations, in the same order),
    /// with a scratch buffer when the probabilities are not wanted.
    private static func floatRow(_ z: UnsafePointer<Float>, count: Int, temperature: Float,
                                 into out: UnsafeMutablePointer<Float>, probabilities: UnsafeMutablePointer<Float>?) {
        if let probabilities {
            return logSoftmaxRows(z, rows: 1, columns: count, temperature: temperature, into: out, probabilities: probabilities)
        }
        withUnsafeTemporaryAllocation(of: Float.self, capacity: count) { scratch in
            logSoftmaxRows(z, rows: 1, columns: count, temperature: temperature, into: out, probabilities: scratch.baseAddress!)
        }
    }

    /// log softmax of `rows` consecutive Float rows, eight rows at a time in the lanes of vectors
    /// (`SoftmaxLanes`), with the generic row's bits.
    static func logSoftmaxRows(_ z: UnsafePointer<Float>, rows: Int, columns: Int, temperature: Float,
                               into out: UnsafeMutablePointer<Float>, probabilities: UnsafeMutablePointer<Float>) {
        SoftmaxLanes.with(columns: columns) { lanes in
            RowLanes.forEachGroup(z, rows: rows, columns: columns) { group, first, width in
                lanes.load(group, temperature: temperature)
                lanes.store(lanes.logQ, into: out, first: first, width: width)
                lanes.store(lanes.q, into: probabilities, first: first, width: width)
            }
        }
    }

    /// Row-wise log-probabilities of `logits / temperature`.
    public static func logProbabilities<T: TrainingScalar>(_ logits: Matrix<T>, temperature: T = 1) -> Matrix<T> {
        precondition(temperature > 0, "temperature must be positive")
        var out = logits
        if T.self == Float.self, logits.rows > 1 {
            var probabilities = logits
            logits.values.withUnsafeBufferPointer { z in
                out.values.withUnsafeMutableBufferPointer { out in
                    probabilities.values.withUnsafeMutableBufferPointer { p in
                        logSoftmaxRows(UnsafeRawPointer(z.baseAddress!).assumingMemoryBound(to: Float.self), rows: logits.rows,
                                       columns: logits.columns, temperature: unsafeBitCast(temperature, to: Float.self),
                                       into: UnsafeMutableRawPointer(out.baseAddress!).assumingMemoryBound(to: Float.self),
                                       probabilities: UnsafeMutableRawPointer(p.baseAddress!).assumingMemoryBound(to: Float.self))
                    }
                }
            }
            return out
        }
        logits.values.withUnsafeBufferPointer { z in
            out.values.withUnsafeMutableBufferPointer { out in
                for r in 0..<logits.rows {
                    logSoftmaxRow(z.baseAddress! + r * logits.columns, count: logits.columns, temperature: temperature,
                                  into: out.baseAddress! + r * logits.columns)
                }
            }
        }
        return out
    }

    /// Row-wise probabilities of `logits / temperature`.
    public static func probabilities<T: TrainingScalar>(_ logits: Matrix<T>, temperature: T = 1) -> Matrix<T> {
        probabilities(fromLog: logProbabilities(logits, temperature: temperature))
    }

    /// Probabilities from log-probabilities already computed (element by element, e^x).
    public static func probabilities<T: TrainingScalar>(fromLog logProbabilities: Matrix<T>) -> Matrix<T> {
        var out = logProbabilities
        for i in out.values.indices { out.values[i] = T.exponential(out.values[i]) }
        return out
    }
}
