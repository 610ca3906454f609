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

    /// How many decimals `percent(n)` and `fixed(n)` may ask for.
    public static let decimalRange = 0...10

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
                .trimmingCharacters(in: .whitespaces)), Self.decimalRange.contains(count) else { return nil }
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
    /// A whole number with its thousands grouped, as a book prints it: 1,437 and 26,122.
    public static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return (number < 0 ? "-" : "") + out
    }

    public func format(_ value: InlineValue) -> String {
        let kind = value.kind
        if kind.unit == .text { return value.text ?? "" }
        // A value that does not exist (a loaded network's training loss, the interval of one
        // seed) prints as a dash, never as "nan" or a crash.
        guard value.number.isFinite else { return "—" }
        let isProportion = kind.unit == .proportion
        let numbers = NumberText(kind: kind)
        let unit = isProportion ? (kind.isSigned ? " pp" : "%") : ""
        switch style {
        case .plain:
            switch kind.unit {
            case .count: return Self.grouped(Int(value.number))
            case .real: return numbers.signed(String(format: "%.4g", value.number))
            default: return numbers.fixed(value.number * 100, 1) + unit
            }
        case .percent:
            return numbers.fixed(value.number * 100, decimals ?? 1) + (kind.isSigned ? " pp" : "%")
        case .fixed:
            return numbers.fixed(value.number, decimals ?? 2)
        case .int:
            return numbers.signed(Self.grouped(Int((value.number).rounded())))
        case .ci:
            return numbers.fixed(value.number * numbers.scale, places(kind)) + unit + " " + intervalText(value)
        case .pm:
            let interval = value.interval ?? value.number...value.number
            return numbers.fixed(value.number * numbers.scale, places(kind)) + " ± "
                + NumberText.plain(kind).fixed((interval.upperBound - interval.lowerBound) / 2 * numbers.scale, places(kind))
                + (kind.isSigned && isProportion ? " pp" : "")
        }
    }

    /// The value's 95% interval as the `ci` format writes it: "[95.8, 97.1]" (percent points
    /// for proportions, signed for differences).
    public func intervalText(_ value: InlineValue) -> String {
        let numbers = NumberText(kind: value.kind)
        let interval = value.interval ?? value.number...value.number
        let places = places(value.kind)
        return "[\(numbers.fixed(interval.lowerBound * numbers.scale, places)), \(numbers.fixed(interval.upperBound * numbers.scale, places))]"
    }

    /// Decimals of `ci` and `pm`: as given, else 1 for proportions and 3 for other numbers.
    private func places(_ kind: ValueKind) -> Int { decimals ?? (kind.unit == .proportion ? 1 : 3) }
}

/// How numbers of one kind are written: proportions scaled to percent, differences with their
/// sign — the sign of the value itself, so a difference that rounds to zero still shows which
/// side of zero it is on ("−0.0", "+0.0"; exactly zero is "0.0") — and the typographic minus.
/// Other kinds never show "-0".
private struct NumberText {
    let scale: Double
    let isSigned: Bool

    init(kind: ValueKind) {
        scale = kind.unit == .proportion ? 100 : 1
        isSigned = kind.isSigned
    }

    /// The same scale, unsigned (a half-width).
    static func plain(_ kind: ValueKind) -> NumberText {
        NumberText(kind: ValueKind(unit: kind.unit, hasInterval: false, isSigned: false))
    }

    func fixed(_ x: Double, _ places: Int) -> String {
        let text = String(format: "%.\(places)f", x)
        guard Double(text) == 0 else { return signed(text) }
        let zero = text.hasPrefix("-") ? String(text.dropFirst()) : text
        guard isSigned, x != 0, x.isFinite else { return signed(zero) }
        return (x < 0 ? "−" : "+") + zero
    }

    func signed(_ text: String) -> String {
        guard isSigned, !text.hasPrefix("-") else { return text.replacingOccurrences(of: "-", with: "−") }
        return Double(text) == 0 ? text : "+" + text
    }
}
