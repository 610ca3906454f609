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

    /// log softmax of `rows` consecutive Float rows, in the same order of operations per logit
    /// as the generic row, computed across rows: the exponentials eight logits at a time over
    /// the whole block through the SIMD `exponential` (not padded row by row — three classes
    /// would waste five lanes of eight) and the logarithms of the row sums four at a time.
    /// Each row's sum is accumulated in Double, in index order.
    static func logSoftmaxRows(_ z: UnsafePointer<Float>, rows: Int, columns: Int, temperature: Float,
                               into out: UnsafeMutablePointer<Float>, probabilities: UnsafeMutablePointer<Float>) {
        let count = rows * columns
        for r in 0..<rows {
            let row = r * columns
            var maximum = -Float.infinity
            for i in row..<(row + columns) {
                out[i] = z[i] / temperature
                maximum = max(maximum, out[i])
            }
            for i in row..<(row + columns) { out[i] -= maximum }
        }
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 16) { lanes in
            let padded = lanes.baseAddress!, exponentials = padded + 8
            for start in stride(from: 0, to: count, by: 8) {
                let width = min(8, count - start)
                var source = UnsafePointer(out + start)
                if width < 8 {
                    padded.update(repeating: -.infinity, count: 8)
                    padded.update(from: out + start, count: width)
                    source = UnsafePointer(padded)
                }
                let e = exponential(UnsafeRawPointer(source).loadUnaligned(as: SIMD8<Float>.self))
                UnsafeMutableRawPointer(exponentials).storeBytes(of: e, as: SIMD8<Float>.self)
                (probabilities + start).update(from: exponentials, count: width)
            }
        }
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * rows) { buffer in
            let sums = buffer.baseAddress!, logs = sums + rows
            for r in 0..<rows {
                var sum = 0.0
                for i in (r * columns)..<((r + 1) * columns) { sum += Double(probabilities[i]) }
                sums[r] = sum
            }
            var r = 0
            while r + 4 <= rows {
                let group = SIMD4<Double>(sums[r], sums[r + 1], sums[r + 2], sums[r + 3])
                if all(group .>= 0x1p-1022) && group.max() < .infinity {
                    let result = logarithm(group)
                    for lane in 0..<4 { logs[r + lane] = result[lane] }
                } else {
                    for lane in 0..<4 { logs[r + lane] = logarithm(sums[r + lane]) }
                }
                r += 4
            }
            while r < rows {
                logs[r] = logarithm(sums[r])
                r += 1
            }
            for r in 0..<rows {
                let logSum = Float(logs[r]), inverse = Float(1 / sums[r])
                for i in (r * columns)..<((r + 1) * columns) {
                    out[i] -= logSum
                    probabilities[i] *= inverse
                }
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
