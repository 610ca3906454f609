/// A YAML value as a directive's options hold it, with the position of every part so that each
/// mistake is reported at its own line and column.
public struct OptionValue: Sendable {
    public enum Shape: Sendable {
        case scalar(String)
        case list([OptionValue])
        case mapping([(key: String, value: OptionValue)])
    }

    public let shape: Shape
    public let location: SourceLocation

    public init(_ shape: Shape, at location: SourceLocation) {
        self.shape = shape
        self.location = location
    }

    /// The text of a scalar; nil for a list or mapping.
    public var scalar: String? {
        if case .scalar(let text) = shape { return text }
        return nil
    }

    /// A list's items; a scalar counts as a list of one.
    public var items: [OptionValue]? {
        switch shape {
        case .scalar: return [self]
        case .list(let items): return items
        case .mapping: return nil
        }
    }

    /// The value in canonical YAML flow form (`[10, 20]`, `{a: [1, 2]}`): formatting and
    /// comments do not change it. For messages and for cache keys.
    public var canonical: String {
        switch shape {
        case .scalar(let text): return text
        case .list(let items): return "[" + items.map(\.canonical).joined(separator: ", ") + "]"
        case .mapping(let pairs): return "{" + pairs.map { "\($0.key): \($0.value.canonical)" }.joined(separator: ", ") + "}"
        }
    }
}

/// A Swift type an option's value can be read as.
public protocol OptionReadable {
    init?(option: OptionValue)
}

extension Int: OptionReadable {
    public init?(option: OptionValue) {
        guard let text = option.scalar, let value = Int(text) else { return nil }
        self = value
    }
}

extension Double: OptionReadable {
    public init?(option: OptionValue) {
        guard let text = option.scalar, let value = Double(text), value.isFinite else { return nil }
        self = value
    }
}

extension Bool: OptionReadable {
    public init?(option: OptionValue) {
        switch option.scalar {
        case "true": self = true
        case "false": self = false
        default: return nil
        }
    }
}

extension String: OptionReadable {
    public init?(option: OptionValue) {
        guard let text = option.scalar else { return nil }
        self = text
    }
}

extension Array: OptionReadable where Element: OptionReadable {
    public init?(option: OptionValue) {
        guard let items = option.items else { return nil }
        var values = [Element]()
        for item in items {
            guard let value = Element(option: item) else { return nil }
            values.append(value)
        }
        self = values
    }
}
