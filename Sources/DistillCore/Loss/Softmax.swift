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
    /// as the generic row, computed eight rows at a time with one row per SIMD lane (as the
    /// distillation loss does), so every step is a vector operation whatever the number of
    /// classes — three for Iris, where a row-wise vector would be mostly empty. Each lane takes
    /// its row's maximum, exponentials, sum (in Double, in index order), logarithm and
    /// reciprocal by exactly the scalar row's operations.
    static func logSoftmaxRows(_ z: UnsafePointer<Float>, rows: Int, columns: Int, temperature: Float,
                               into out: UnsafeMutablePointer<Float>, probabilities: UnsafeMutablePointer<Float>) {
        typealias Lanes = SIMD8<Float>
        // Lanes go in and out through plain Float rows ([column][lane]): setting or reading one
        // lane of a SIMD value costs a round trip through the stack.
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 16 * columns) { buffer in
            let byColumn = buffer.baseAddress!, qByColumn = byColumn + 8 * columns
            func lanes(_ c: Int) -> Lanes { UnsafeRawPointer(byColumn + 8 * c).loadUnaligned(as: Lanes.self) }
            func store(_ value: Lanes, _ c: Int, in rows: UnsafeMutablePointer<Float> = byColumn) {
                UnsafeMutableRawPointer(rows + 8 * c).storeBytes(of: value, as: Lanes.self)
            }
            withUnsafeTemporaryAllocation(of: Lanes.self, capacity: columns) { exponentials in
                let exponentials = exponentials.baseAddress!
                for first in stride(from: 0, to: rows, by: 8) {
                    let width = min(8, rows - first)
                    // Unused lanes hold zeros: a finite row, computed and never stored.
                    if width < 8 { byColumn.update(repeating: 0, count: 8 * columns) }
                    for lane in 0..<width {
                        for c in 0..<columns { byColumn[8 * c + lane] = z[(first + lane) * columns + c] }
                    }
                    // max(m, x) is x when x ≥ m, else m: Swift's `max`, lane by lane.
                    var maximum = Lanes(repeating: -.infinity)
                    for c in 0..<columns {
                        // z/1 is z, bit for bit: the common temperature skips the division.
                        let x = temperature == 1 ? lanes(c) : lanes(c) / temperature
                        store(x, c)
                        maximum = maximum.replacing(with: x, where: x .>= maximum)
                    }
                    var sum = SIMD8<Double>()
                    for c in 0..<columns {
                        let shifted = lanes(c) - maximum
                        store(shifted, c)
                        exponentials[c] = exponential(shifted)
                        sum += SIMD8<Double>(exponentials[c])
                    }
                    let logSum = SIMD8<Float>(Self.logarithm(sum)), inverse = SIMD8<Float>(1 / sum)
                    for c in 0..<columns {
                        store(lanes(c) - logSum, c)
                        store(exponentials[c] * inverse, c, in: qByColumn)
                    }
                    for lane in 0..<width {
                        for c in 0..<columns {
                            out[(first + lane) * columns + c] = byColumn[8 * c + lane]
                            probabilities[(first + lane) * columns + c] = qByColumn[8 * c + lane]
                        }
                    }
                }
            }
        }
    }

    /// ln of each lane's sum: eight at once when all are positive, finite and normal (a
    /// log-sum-exp is at least 1), else lane by lane — the same bits either way.
    private static func logarithm(_ sum: SIMD8<Double>) -> SIMD8<Double> {
        if all(sum .>= 0x1p-1022) && sum.max() < .infinity { return DistillCore.logarithm(sum) }
        var result = SIMD8<Double>()
        for lane in 0..<8 { result[lane] = DistillCore.logarithm(sum[lane]) }
        return result
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
