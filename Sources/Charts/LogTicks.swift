import Foundation

/// Ticks for a logarithmic axis: the powers of ten that enclose the data (1e-4, 1e-3, …), or
/// 1-2-5 steps within them when the axis spans at most two decades.
public struct LogTicks: Sendable, Equatable {
    public let lower: Double
    public let upper: Double
    public let values: [Double]

    public init(minimum: Double, maximum: Double) {
        precondition(minimum > 0 && maximum >= minimum && maximum.isFinite, "log ticks need a positive, finite range")
        var low = log10(minimum).rounded(.down)
        var high = log10(maximum).rounded(.up)
        if high == low { (low, high) = (low, high + 1) }
        let top = pow(10, high)
        lower = pow(10, low)
        upper = top
        let decades = stride(from: low, through: high, by: 1).map { pow(10, $0) }
        if high - low >= 3 {
            values = decades
        } else {
            values = decades.flatMap { decade in [1, 2, 5].map { $0 * decade } }.filter { $0 <= top * (1 + 1e-12) }
        }
    }
}
