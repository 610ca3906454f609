import Foundation

/// What kind of value an inline field holds: which formats apply to it.
public struct ValueKind: Sendable, Hashable, Codable {
    public enum Unit: String, Sendable, Hashable, Codable { case proportion, real, count, text }
    public let unit: Unit
    /// Whether the value carries a 95% interval (for the `ci` and `pm` formats).
    public let hasInterval: Bool
    /// Whether the value is a difference, printed with its sign.
    public let isSigned: Bool

    public static let proportion = ValueKind(unit: .proportion, hasInterval: false, isSigned: false)
    public static let proportionWithInterval = ValueKind(unit: .proportion, hasInterval: true, isSigned: false)
    /// A difference of two proportions, in percentage points, with its interval.
    public static let difference = ValueKind(unit: .proportion, hasInterval: true, isSigned: true)
    public static let differenceBound = ValueKind(unit: .proportion, hasInterval: false, isSigned: true)
    public static let real = ValueKind(unit: .real, hasInterval: false, isSigned: false)
    public static let realWithInterval = ValueKind(unit: .real, hasInterval: true, isSigned: false)
    public static let count = ValueKind(unit: .count, hasInterval: false, isSigned: false)
    public static let text = ValueKind(unit: .text, hasInterval: false, isSigned: false)

    /// Words for the reference.
    public var description: String {
        let base = switch unit {
        case .proportion: isSigned ? "difference of proportions" : "proportion"
        case .real: "number"
        case .count: "whole number"
        case .text: "text"
        }
        return hasInterval ? base + " with 95% CI" : base
    }
}

/// A value a directive computed, for prose to quote.
public struct InlineValue: Sendable, Equatable, Codable {
    public let kind: ValueKind
    public let number: Double
    public let interval: ClosedRange<Double>?
    public let text: String?

    public static func proportion(_ value: Double, interval: ClosedRange<Double>? = nil) -> InlineValue {
        InlineValue(kind: interval == nil ? .proportion : .proportionWithInterval, number: value, interval: interval, text: nil)
    }

    public static func difference(_ value: Double, interval: ClosedRange<Double>? = nil) -> InlineValue {
        InlineValue(kind: interval == nil ? .differenceBound : .difference, number: value, interval: interval, text: nil)
    }

    public static func real(_ value: Double, interval: ClosedRange<Double>? = nil) -> InlineValue {
        InlineValue(kind: interval == nil ? .real : .realWithInterval, number: value, interval: interval, text: nil)
    }

    public static func count(_ value: Int) -> InlineValue {
        InlineValue(kind: .count, number: Double(value), interval: nil, text: nil)
    }

    public static func text(_ value: String) -> InlineValue {
        InlineValue(kind: .text, number: 0, interval: nil, text: value)
    }
}
