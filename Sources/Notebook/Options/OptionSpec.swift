/// One option of a directive kind, declared as data: validation, defaults, "did you mean" and
/// the `distillery directives` reference all come from these declarations.
public struct OptionSpec: Sendable {
    public let name: String
    public let type: OptionType
    /// The default as written (YAML), for the reference; nil when there is none (the option is
    /// then required, or optional without a value).
    public let defaultText: String?
    /// The default read like a value the author wrote, parsed and checked once, here.
    let defaultValue: OptionValue?
    public let isRequired: Bool
    /// One line for the reference.
    public let summary: String

    private init(name: String, type: OptionType, defaultText: String?, isRequired: Bool, summary: String) {
        self.name = name
        self.type = type
        self.defaultText = defaultText
        self.isRequired = isRequired
        self.summary = summary
        defaultValue = defaultText.map { text in
            guard let value = try? YAMLOptions.parse("\(name): \(text)", file: "<default>", firstLine: 1, subject: name).first?.value,
                  (try? OptionChecker(name: name).check(value, against: type)) != nil else {
                preconditionFailure("the default of '\(name)' is not a valid value: \(text)")
            }
            return value
        }
    }

    /// An option the author must give.
    public static func required(_ name: String, _ type: OptionType, _ summary: String) -> OptionSpec {
        OptionSpec(name: name, type: type, defaultText: nil, isRequired: true, summary: summary)
    }

    /// An option with a default (or none, when `default` is nil).
    public static func optional(_ name: String, _ type: OptionType, default defaultText: String? = nil,
                                _ summary: String) -> OptionSpec {
        OptionSpec(name: name, type: type, defaultText: defaultText, isRequired: false, summary: summary)
    }

    /// The same option with another default (e.g. a figure's own size).
    public func withDefault(_ text: String) -> OptionSpec {
        OptionSpec(name: name, type: type, defaultText: text, isRequired: false, summary: summary)
    }
}

/// What values an option accepts.
public indirect enum OptionType: Sendable {
    case integer(ClosedRange<Int>)
    case number(NumberRange)
    case boolean
    case text
    /// A project-relative file path ending in one of the extensions (".csv").
    case path(extensions: [String])
    /// The name of another directive of one of these kinds.
    case reference(kinds: [String])
    /// One of these words.
    case choice([String])
    /// A YAML list (a single value counts as a list of one) with this many items.
    case list(OptionType, count: ClosedRange<Int>)
    /// The first alternative the value fits, tried in order (a shipped data set's name, a CSV
    /// path, or a {dataset} directive's name).
    case oneOf([OptionType])
    /// A YAML mapping whose keys are these words and whose values the directive checks.
    case mapping(keys: [String], count: ClosedRange<Int>)

    /// The type as the reference shows it: "number in (0, 1]", "list of whole numbers".
    public var description: String {
        switch self {
        case .integer(let range): return "whole number \(Self.describe(range))"
        case .number(let range): return "number \(range)"
        case .boolean: return "true or false"
        case .text: return "text"
        case .path(let extensions): return "project-relative \(extensions.joined(separator: " or ")) file"
        case .reference(let kinds): return "name of a " + kinds.map { "{\($0)}" }.joined(separator: " or ")
        case .choice(let words): return words.joined(separator: " | ")
        case let .list(item, count):
            let size = count == 1...Int.max ? "" : count.upperBound == .max ? " (at least \(count.lowerBound))"
                : " (\(count.lowerBound)–\(count.upperBound) items)"
            return "list of \(item.pluralDescription)\(size)"
        case .oneOf(let types): return types.map(\.description).joined(separator: ", or ")
        case let .mapping(keys, _): return "mapping of " + keys.joined(separator: " | ") + " to lists"
        }
    }

    private var pluralDescription: String {
        switch self {
        case .integer(let range): return "whole numbers \(Self.describe(range))"
        case .number(let range): return "numbers \(range)"
        case .text: return "texts"
        case .reference(let kinds): return "names of " + kinds.map { "{\($0)}" }.joined(separator: " or ")
        default: return "(\(description))"
        }
    }

    /// "in [1, 100]" or "≥ 1".
    static func describe(_ range: ClosedRange<Int>) -> String {
        range.upperBound == .max ? "≥ \(range.lowerBound)" : "in [\(range.lowerBound), \(range.upperBound)]"
    }

    /// A choice among an enumeration's raw values.
    public static func choice<C: CaseIterable & RawRepresentable>(_ type: C.Type) -> OptionType where C.RawValue == String {
        .choice(C.allCases.map(\.rawValue))
    }
}

/// An interval of real numbers with open or closed ends. Values are checked both as written
/// and as the 32-bit float training uses, so 0.99999999 is refused where 1 is.
public struct NumberRange: Sendable, CustomStringConvertible {
    public let lower: Double
    public let lowerIncluded: Bool
    public let upper: Double
    public let upperIncluded: Bool

    public init(_ lower: Double, _ upper: Double, lowerIncluded: Bool = true, upperIncluded: Bool = true) {
        self.lower = lower
        self.upper = upper
        self.lowerIncluded = lowerIncluded
        self.upperIncluded = upperIncluded
    }

    /// (lower, upper]
    public static func openClosed(_ lower: Double, _ upper: Double) -> NumberRange {
        NumberRange(lower, upper, lowerIncluded: false)
    }

    /// [lower, upper)
    public static func closedOpen(_ lower: Double, _ upper: Double) -> NumberRange {
        NumberRange(lower, upper, upperIncluded: false)
    }

    /// Whether the value lies in the range both as written and as a 32-bit float. The float is
    /// compared with the bounds rounded the same way, so a bound the range includes is inside
    /// it however it rounds (`lr: 1e-06` in [1e-06, 10]).
    public func contains(_ value: Double) -> Bool {
        containsAsWritten(value) && containsAsFloat(Float(value))
    }

    /// Whether the 32-bit float lies in the range with its bounds as 32-bit floats.
    func containsAsFloat(_ x: Float) -> Bool {
        let (lower, upper) = (Float(lower), Float(upper))
        return x.isFinite && (lowerIncluded ? x >= lower : x > lower) && (upperIncluded ? x <= upper : x < upper)
    }

    /// Whether the value, as a 64-bit number, lies in the range.
    public func containsAsWritten(_ x: Double) -> Bool {
        x.isFinite && (lowerIncluded ? x >= lower : x > lower) && (upperIncluded ? x <= upper : x < upper)
    }

    public var description: String {
        func show(_ x: Double) -> String {
            x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
        }
        return "in \(lowerIncluded ? "[" : "(")\(show(lower)), \(show(upper))\(upperIncluded ? "]" : ")")"
    }
}
