import Foundation

/// Formats the tick labels of one axis consistently: as many decimals as the step needs and
/// no more (0.3, never 0.30000000000000004), or scientific notation (1e-4, 2.5e6) when the
/// numbers are very small or very large.
public struct TickFormatter: Sendable {
    public let step: Double
    private let useScientific: Bool
    private let decimals: Int

    public init(step: Double, largestMagnitude: Double) {
        self.step = step
        useScientific = largestMagnitude >= 1e6 || (step < 1e-3 && largestMagnitude < 1e-2)
        decimals = Swift.max(0, -Int(log10(step).rounded(.down)))
    }

    public init(ticks: NiceTicks) {
        self.init(step: ticks.step, largestMagnitude: Swift.max(abs(ticks.lower), abs(ticks.upper)))
    }

    public func string(_ value: Double) -> String {
        let snapped = abs(value) < step * 1e-9 ? 0 : value  // no "-0.0" from rounding noise
        if useScientific { return snapped == 0 ? "0" : Self.scientific(snapped) }
        return String(format: "%.\(decimals)f", snapped)
    }

    /// Shortest scientific form: 1e-4, 2.5e6, -3e-5.
    static func scientific(_ value: Double) -> String {
        let parts = String(format: "%.3e", value).split(separator: "e")
        var mantissa = String(parts[0])
        if mantissa.contains(".") {
            while mantissa.hasSuffix("0") { mantissa.removeLast() }
            if mantissa.hasSuffix(".") { mantissa.removeLast() }
        }
        return "\(mantissa)e\(Int(parts[1]) ?? 0)"
    }
}
