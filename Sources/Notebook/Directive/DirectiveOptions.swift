import Yams

/// The YAML mapping in a directive's body, with the source position of every key and value so
/// that each mistake is reported at its own line. Accessors throw a `Diagnostic` when a value
/// has the wrong type.
public struct DirectiveOptions: Sendable {
    private struct Entry: Sendable {
        let keyLocation: SourceLocation
        let valueLocation: SourceLocation
        let value: OptionValue
    }

    /// A YAML value reduced to what directives use.
    private enum OptionValue: Sendable {
        case scalar(String)
        case list([(String, SourceLocation)])
        case other(String)
    }

    private let entries: [String: Entry]
    /// Where whole-directive messages point (the directive's opening fence).
    public let location: SourceLocation
    /// "{train}" or "book.yml": how messages name the thing these options belong to.
    public let subject: String

    /// Parses `yaml` whose first line is line `firstLine` of `file`, and rejects keys not in
    /// `allowed` ("unknown option 'hiden' for {train}; did you mean 'hidden'?"). Problems with
    /// the directive as a whole (a missing option) are reported at `owner`, by default the
    /// first line.
    public init(yaml: String, file: String, firstLine: Int, subject: String, allowed: [String],
                owner: SourceLocation? = nil) throws {
        self.subject = subject
        location = owner ?? SourceLocation(file: file, line: firstLine)
        func locate(_ mark: Mark?) -> SourceLocation {
            guard let mark else { return SourceLocation(file: file, line: firstLine) }
            return SourceLocation(file: file, line: firstLine + mark.line - 1, column: mark.column)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw Self.diagnostic(for: error, locate: locate)
        }
        guard let root else {
            entries = [:]
            return
        }
        guard let mapping = root.mapping else {
            throw Diagnostic(at: locate(root.mark), "the body of \(subject) must be a YAML mapping of options (key: value)")
        }
        var entries = [String: Entry]()
        for (keyNode, valueNode) in mapping {
            let keyLocation = locate(keyNode.mark)
            guard let key = keyNode.scalar?.string else {
                throw Diagnostic(at: keyLocation, "option names must be plain words")
            }
            guard allowed.contains(key) else {
                throw Diagnostic(at: keyLocation, "unknown option '\(key)' for \(subject)\(didYouMean(key, among: allowed))")
            }
            guard entries[key] == nil else {
                throw Diagnostic(at: keyLocation, "option '\(key)' is given twice")
            }
            let value: OptionValue
            switch valueNode {
            case .scalar(let scalar):
                value = .scalar(scalar.string)
            case .sequence(let sequence):
                var items = [(String, SourceLocation)]()
                for item in sequence {
                    guard let scalar = item.scalar else {
                        throw Diagnostic(at: locate(item.mark), "'\(key)' must be a list of plain values")
                    }
                    items.append((scalar.string, locate(item.mark)))
                }
                value = .list(items)
            default:
                value = .other("mapping")
            }
            entries[key] = Entry(keyLocation: keyLocation, valueLocation: locate(valueNode.mark), value: value)
        }
        self.entries = entries
    }

    private static func diagnostic(for error: YamlError, locate: (Mark?) -> SourceLocation) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let detail = context.map { "\(problem) (\($0.text))" } ?? problem
            return Diagnostic(at: locate(mark), "invalid YAML: \(detail)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return Diagnostic(at: locate(context.mark), "option '\(duplicates.first ?? "?")' is given twice")
        default:
            return Diagnostic(at: locate(nil), "invalid YAML: \(error)")
        }
    }

    // MARK: Reading values

    public func contains(_ key: String) -> Bool { entries[key] != nil }

    /// Where `key`'s value is, or the directive's location when the key is absent.
    public func location(of key: String) -> SourceLocation { entries[key]?.valueLocation ?? location }

    /// An error about `key`'s value, at its position.
    public func error(_ key: String, _ message: String) -> Diagnostic {
        Diagnostic(at: location(of: key), message)
    }

    public func string(_ key: String) throws -> String? {
        guard let entry = entries[key] else { return nil }
        guard case let .scalar(text) = entry.value else { throw error(key, "'\(key)' must be a single value") }
        return text
    }

    public func int(_ key: String) throws -> Int? {
        guard let text = try string(key) else { return nil }
        guard let value = Int(text) else { throw error(key, "'\(key)' must be a whole number, not '\(text)'") }
        return value
    }

    public func double(_ key: String) throws -> Double? {
        guard let text = try string(key) else { return nil }
        guard let value = Double(text), value.isFinite else { throw error(key, "'\(key)' must be a number, not '\(text)'") }
        return value
    }

    /// One of an enumeration's named values ("unknown metric 'los'; did you mean 'loss'?"),
    /// `fallback` when the option is absent.
    public func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, default fallback: Choice) throws -> Choice
    where Choice.RawValue == String {
        guard let text = try string(key) else { return fallback }
        guard let value = Choice(rawValue: text) else {
            throw error(key, "unknown \(key) '\(text)'\(didYouMean(text, among: Choice.allCases.map(\.rawValue)))")
        }
        return value
    }

    /// A list of strings; a single value counts as a list of one.
    public func stringList(_ key: String) throws -> [String]? {
        guard let entry = entries[key] else { return nil }
        switch entry.value {
        case let .scalar(text): return [text]
        case let .list(items): return items.map(\.0)
        case .other: throw error(key, "'\(key)' must be a value or a list of values")
        }
    }

    /// A list of whole numbers; a single number counts as a list of one.
    public func intList(_ key: String) throws -> [Int]? {
        guard let texts = try stringList(key) else { return nil }
        return try texts.map { text in
            guard let value = Int(text) else { throw error(key, "'\(key)' must be a list of whole numbers; '\(text)' is not one") }
            return value
        }
    }

    /// A required value: throws "missing option" when absent.
    public func required<T>(_ key: String, _ read: (String) throws -> T?) throws -> T {
        guard let value = try read(key) else {
            throw Diagnostic(at: location, "\(subject) needs the option '\(key)'")
        }
        return value
    }
}
