import Foundation

/// Number formats shared by the directives' tables and captions.
enum Format {
    /// 0.9667 → "96.7%"
    static func percent(_ value: Double, decimals: Int = 1) -> String {
        percentNumber(value, decimals: decimals) + "%"
    }

    /// 0.9667 → "96.7" (for intervals, where the % sign is said once).
    static func percentNumber(_ value: Double, decimals: Int = 1) -> String {
        String(format: "%.\(decimals)f", value * 100)
    }

    /// A loss or other real value with four significant digits: 0.05123, 1.234.
    static func number(_ value: Double) -> String {
        String(format: "%.4g", value)
    }
}
