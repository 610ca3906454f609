import Foundation

/// Axis ticks at "nice" numbers (1, 2 or 5 times a power of ten), after Heckbert,
/// "Nice Numbers for Graph Labels", Graphics Gems (1990).
public struct NiceTicks: Sendable, Equatable {
    /// The axis runs from `lower` to `upper`, both multiples of `step` that enclose the data.
    public let lower: Double
    public let upper: Double
    public let step: Double
    /// Tick values from `lower` to `upper`. Computed as integer multiples of `step` so they
    /// carry no accumulated float error.
    public let values: [Double]

    /// Ticks covering `minimum…maximum` with about `targetCount` intervals. A degenerate
    /// range (one value) is widened around it.
    public init(minimum: Double, maximum: Double, targetCount: Int = 5) {
        precondition(minimum.isFinite && maximum.isFinite && minimum <= maximum, "tick range must be finite and ordered")
        var (low, high) = (minimum, maximum)
        if high - low <= Swift.max(abs(high), abs(low)) * 1e-12 {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            (low, high) = (low - pad, high + pad)
        }
        let range = Self.niceNumber(high - low, round: false)
        let step = Self.niceNumber(range / Double(Swift.max(targetCount, 1)), round: true)
        let first = (low / step).rounded(.down)
        let last = (high / step).rounded(.up)
        self.step = step
        self.lower = first * step
        self.upper = last * step
        self.values = stride(from: first, through: last, by: 1).map { $0 * step }
    }

    /// The nice number (1, 2, 5 or 10 × 10ᵏ) nearest to `value` (`round`) or not below it.
    static func niceNumber(_ value: Double, round: Bool) -> Double {
        let exponent = log10(value).rounded(.down)
        let power = pow(10, exponent)
        let fraction = value / power
        let nice: Double
        if round {
            nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        return nice * power
    }
}
