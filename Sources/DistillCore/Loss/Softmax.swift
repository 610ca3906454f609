#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Softmax with temperature, row by row: q_i = exp(z_i/T) / Σ_j exp(z_j/T).
///
/// Computed through the log-sum-exp identity log Σ exp(x_j) = m + log Σ exp(x_j − m) with
/// m = max_j x_j: every exponent is ≤ 0, so nothing overflows, and the largest term is exactly
/// 1, so the sum never underflows to 0. Logits of ±1e4 give finite, exact results.
public enum Softmax {
    /// Row-wise probabilities of `logits / temperature`.
    public static func probabilities(_ logits: Matrix, temperature: Float = 1) -> Matrix {
        var out = logProbabilities(logits, temperature: temperature)
        for i in out.values.indices { out.values[i] = expf(out.values[i]) }
        return out
    }

    /// Row-wise log-probabilities of `logits / temperature`.
    public static func logProbabilities(_ logits: Matrix, temperature: Float = 1) -> Matrix {
        precondition(temperature > 0, "temperature must be positive")
        var out = logits
        for r in 0..<logits.rows {
            let start = r * logits.columns
            let row = start..<(start + logits.columns)
            var maximum = -Float.infinity
            for i in row { maximum = max(maximum, logits.values[i] / temperature) }
            var sum = 0.0
            for i in row { sum += Double(expf(logits.values[i] / temperature - maximum)) }
            // (x − m) − log Σ, not x − (m + log Σ): with |m| large, m + log Σ would round away
            // the digits of log Σ.
            let logSum = Float(log(sum))
            for i in row { out.values[i] = (logits.values[i] / temperature - maximum) - logSum }
        }
        return out
    }
}
