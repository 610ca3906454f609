import Yams

/// A directive's options: the YAML mapping in its body, checked against the kind's schema
/// (unknown names, types, ranges, required options) when it is read, with every value's source
/// position. After that, reading a value cannot fail: accessors return the author's value or
/// the schema's default.
public struct DirectiveOptions: Sendable {
    private let values: [String: OptionValue]
    private let specs: [String: OptionSpec]
    /// Where whole-directive messages point (the directive's opening fence).
    public let location: SourceLocation
    /// "{train}" or "book.yml": how messages name the thing these options belong to.
    public let subject: String

    /// Parses `yaml` whose first line is line `firstLine` of `file` and checks it against
    /// `schema`. Problems with the directive as a whole (a missing option) are reported at
    /// `owner`, by default the first line.
    public init(yaml: String, file: String, firstLine: Int, subject: String, schema: [OptionSpec],
                owner: SourceLocation? = nil) throws {
        self.subject = subject
        location = owner ?? SourceLocation(file: file, line: firstLine)
        specs = Dictionary(schema.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        let pairs = try YAMLOptions.parse(yaml, file: file, firstLine: firstLine, subject: subject)
        var values = [String: OptionValue]()
        for (key, keyLocation, value) in pairs {
            guard let spec = specs[key] else {
                throw Diagnostic(at: keyLocation, "unknown option '\(key)' for \(subject)\(didYouMean(key, among: schema.map(\.name)))")
            }
            guard values[key] == nil else { throw Diagnostic(at: keyLocation, "option '\(key)' is given twice") }
            try OptionChecker(name: key).check(value, against: spec.type)
            values[key] = value
        }
        for spec in schema where spec.isRequired && values[spec.name] == nil {
            throw Diagnostic(at: location, "\(subject) needs the option '\(spec.name)'")
        }
        self.values = values
    }

    // MARK: Reading values

    /// Whether the author gave `key` (defaults do not count).
    public func contains(_ key: String) -> Bool { values[key] != nil }

    /// Where `key`'s value is, or the directive's location when the key is absent.
    public func location(of key: String) -> SourceLocation { values[key]?.location ?? location }

    /// An error about `key`'s value, at its position.
    public func error(_ key: String, _ message: String) -> Diagnostic {
        Diagnostic(at: location(of: key), message)
    }

    /// The author's value, else the schema's default; nil when neither exists.
    public func value(_ key: String) -> OptionValue? {
        if let value = values[key] { return value }
        guard let spec = specs[key] else { preconditionFailure("\(subject) reads '\(key)', which its schema does not declare") }
        return spec.defaultValue
    }

    /// The value as `T`, when the option has a value or a default.
    public func optional<T: OptionReadable>(_ key: String, as type: T.Type = T.self) -> T? {
        guard let value = value(key) else { return nil }
        guard let read = T(option: value) else { preconditionFailure("'\(key)' was checked, but does not read as \(T.self)") }
        return read
    }

    /// The value as `T` of an option that is required or has a default.
    public func get<T: OptionReadable>(_ key: String, as type: T.Type = T.self) -> T {
        guard let read = optional(key, as: T.self) else { preconditionFailure("'\(key)' has neither a value nor a default") }
        return read
    }

    /// One of an enumeration's named values (the schema's `.choice` lists them).
    public func choice<C: RawRepresentable>(_ key: String, as type: C.Type = C.self) -> C where C.RawValue == String {
        guard let choice = C(rawValue: get(key, as: String.self)) else { preconditionFailure("'\(key)' is not a \(C.self)") }
        return choice
    }

    /// The directive named by a `.reference` option (or by the reference alternative of a
    /// `.oneOf`), as a dependency the plan checks.
    public func reference(_ key: String) -> Dependency? {
        guard let value = value(key), let name = value.scalar else { return nil }
        let type = specs[key]!.type
        return Dependency(name: name, kinds: Self.referenceKinds(type), location: value.location, option: key,
                          alsoAccepted: Self.choiceWords(type))
    }

    /// The directives named by a list of references.
    public func references(_ key: String) -> [Dependency] {
        guard let items = value(key)?.items, case let .list(item, _) = specs[key]!.type else { return [] }
        return items.compactMap { value in
            value.scalar.map { Dependency(name: $0, kinds: Self.referenceKinds(item), location: value.location, option: key) }
        }
    }

    private static func choiceWords(_ type: OptionType) -> [String] {
        switch type {
        case .choice(let words): return words
        case .oneOf(let types): return types.flatMap(choiceWords)
        default: return []
        }
    }

    private static func referenceKinds(_ type: OptionType) -> [String] {
        switch type {
        case .reference(let kinds): return kinds
        case .oneOf(let types): return types.flatMap(referenceKinds)
        case .list(let item, _): return referenceKinds(item)
        default: return []
        }
    }

    /// The project-relative files the author's options name (values of path type, wherever
    /// they sit in lists and alternatives), sorted: what the directive reads.
    public var filePaths: [String] {
        Array(Set(fileReferences.map(\.path))).sorted()
    }

    /// Each file the author's options name, with where the name is written: for errors about
    /// the file itself (it lies in the output folder) at the option that names it.
    public var fileReferences: [(path: String, location: SourceLocation)] {
        values.keys.sorted().flatMap { paths(in: values[$0]!, of: specs[$0]!.type) }
    }

    private func paths(in value: OptionValue, of type: OptionType) -> [(path: String, location: SourceLocation)] {
        switch type {
        case .path: return value.scalar.map { [($0, value.location)] } ?? []
        case .list(let item, _): return (value.items ?? []).flatMap { paths(in: $0, of: item) }
        case .oneOf(let types):
            let fitting = types.first { (try? OptionChecker(name: "").check(value, against: $0)) != nil }
            return fitting.map { paths(in: value, of: $0) } ?? []
        default: return []
        }
    }

    /// The author's options in canonical form, sorted by name, leaving out `excluded`.
    public func canonical(excluding excluded: Set<String>) -> String {
        values.keys.sorted().filter { !excluded.contains($0) }.map { "\($0): \(values[$0]!.canonical)" }.joined(separator: "\n")
    }

    /// Every option the author gave, in canonical form and sorted by name: what the options
    /// mean, whatever their formatting, key order and comments.
    public var canonical: String {
        canonical(excluding: [])
    }
}

/// A reference from one directive to another, where it was written.
public struct Dependency: Sendable {
    public let name: String
    /// The kinds the referring option accepts; empty for any kind.
    public let kinds: [String]
    public let location: SourceLocation
    /// The option that holds the reference.
    public let option: String
    /// Other words the option accepts instead of a name (shipped data sets), for suggestions.
    public let alsoAccepted: [String]

    public init(name: String, kinds: [String], location: SourceLocation, option: String, alsoAccepted: [String] = []) {
        self.name = name
        self.kinds = kinds
        self.location = location
        self.option = option
        self.alsoAccepted = alsoAccepted
    }
}
