import Foundation

/// How prose prints an inline value: `{{ teacher.test_accuracy | ci }}`.
///
/// | format | prints |
/// |---|---|
/// | (none) | a proportion as `96.4%`, a difference as `+0.5 pp`, a number to 4 significant digits, a count as is |
/// | `percent`, `percent(n)` | the value × 100 with n decimals (1) and `%` (`pp` for a difference) |
/// | `fixed(n)` | the value with n decimals |
/// | `int` | the value rounded to a whole number |
/// | `ci`, `ci(n)` | value and 95% interval: `96.4% [95.8, 97.1]` |
/// | `pm`, `pm(n)` | value ± half the interval's width: `96.4 ± 0.6` |
public struct ValueFormat: Sendable, Hashable {
    public enum Style: String, Sendable, CaseIterable { case plain, percent, fixed, int, ci, pm }
    public let style: Style
    public let decimals: Int?

    /// The format names, for messages.
    public static let names = ["percent", "percent(n)", "fixed(n)", "int", "ci", "pm"]

    /// Parses "percent", "percent(2)", "fixed(3)"…; nil when the text is no format.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty {
            (style, decimals) = (.plain, nil)
            return
        }
        var name = trimmed
        var decimals: Int?
        if let open = trimmed.firstIndex(of: "("), trimmed.hasSuffix(")") {
            name = String(trimmed[..<open]).trimmingCharacters(in: .whitespaces)
            guard let count = Int(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
                .trimmingCharacters(in: .whitespaces)), (0...10).contains(count) else { return nil }
            decimals = count
        }
        guard let style = Style(rawValue: name), style != .plain, style != .int || decimals == nil else { return nil }
        if style == .fixed && decimals == nil { return nil }
        self.style = style
        self.decimals = decimals
    }

    /// Why this format cannot print a value of `kind`, or nil when it can.
    public func problem(with kind: ValueKind) -> String? {
        switch (style, kind.unit) {
        case (.plain, _): return nil
        case (_, .text): return "a text value takes no format"
        case (.ci, _), (.pm, _):
            return kind.hasInterval ? nil : "'\(style.rawValue)' needs a value with an interval (e.g. test_accuracy), and this one has none"
        case (.percent, .count): return "'percent' applies to proportions and numbers, not to counts"
        default: return nil
        }
    }

    /// The value as text; `problem(with:)` must be nil.
    public func format(_ value: InlineValue) -> String {
        let kind = value.kind
        if kind.unit == .text { return value.text ?? "" }
        let isProportion = kind.unit == .proportion
        let scale = isProportion ? 100.0 : 1
        func fixed(_ x: Double, _ places: Int) -> String {
            let text = String(format: "%.\(places)f", x)
            return text == "-0" || text.hasPrefix("-0.") && Double(text) == 0 ? String(text.dropFirst()) : text
        }
        func signed(_ text: String) -> String {
            guard kind.isSigned, !text.hasPrefix("-") else { return text.replacingOccurrences(of: "-", with: "−") }
            return Double(text) == 0 ? text : "+" + text
        }
        let unit = isProportion ? (kind.isSigned ? " pp" : "%") : ""
        switch style {
        case .plain:
            switch kind.unit {
            case .count: return String(Int(value.number))
            case .real: return signed(String(format: "%.4g", value.number))
            default: return signed(fixed(value.number * 100, 1)) + unit
            }
        case .percent:
            return signed(fixed(value.number * 100, decimals ?? 1)) + (kind.isSigned ? " pp" : "%")
        case .fixed:
            return signed(fixed(value.number, decimals ?? 2))
        case .int:
            return signed(String(Int((value.number).rounded())))
        case .ci:
            let places = decimals ?? (isProportion ? 1 : 3)
            let interval = value.interval ?? value.number...value.number
            return signed(fixed(value.number * scale, places)) + unit
                + " [\(signed(fixed(interval.lowerBound * scale, places))), \(signed(fixed(interval.upperBound * scale, places)))]"
        case .pm:
            let places = decimals ?? (isProportion ? 1 : 3)
            let interval = value.interval ?? value.number...value.number
            return signed(fixed(value.number * scale, places)) + " ± " + fixed((interval.upperBound - interval.lowerBound) / 2 * scale, places)
                + (kind.isSigned && isProportion ? " pp" : "")
        }
    }
}
