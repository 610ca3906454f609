/// One kind of directive (`{train}`, `{plot}`, …). The notebook engine knows directives only
/// through this protocol; the vocabulary lives in the Directives module.
public protocol Directive: Sendable {
    /// The word between the braces of the info string, e.g. "train".
    static var kind: String { get }
    /// One sentence for the reference: what the kind does.
    static var summary: String { get }
    /// What the kind shows in the report; decides the common options it takes and whether
    /// `@name` may point at it.
    static var shows: Shows { get }
    /// The kind's own options; the common ones (`caption`, `alt`, `echo`, `width`, `height`)
    /// are added according to `shows`.
    static var options: [OptionSpec] { get }
    /// The modules whose code the kind runs, for cache keys.
    static var code: CodeModules { get }
    /// The inline values (`{{ name.field }}`) every directive of this kind offers, for the
    /// reference; an instance may offer more (see `fields`).
    static var fieldDocs: [FieldDoc] { get }

    /// Reads the checked options; throws a `Diagnostic` for values that are wrong together.
    init(name: String, options: DirectiveOptions) throws

    /// The directives whose results this one uses, where each is named.
    var dependencies: [Dependency] { get }

    /// The inline values this directive offers, by field path ("test_accuracy",
    /// "student_kd.difference").
    var fields: [String: ValueKind] { get }

    /// Does the work. Other directives' results come from `context`.
    func run(in context: ExecutionContext) throws -> DirectiveResult
}

extension Directive {
    public static var fieldDocs: [FieldDoc] { [] }
    public var fields: [String: ValueKind] { Dictionary(uniqueKeysWithValues: Self.fieldDocs.map { ($0.name, $0.kind) }) }

    /// The kind's options with the common ones it takes; the kind's own declaration of a
    /// common option (e.g. another default size) wins.
    public static var schema: [OptionSpec] {
        let own = Set(options.map(\.name))
        return options + CommonOptions.specs(for: shows).filter { !own.contains($0.name) }
    }
}

/// What a directive kind shows in the report.
public struct Shows: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let table = Shows(rawValue: 1)
    public static let figure = Shows(rawValue: 2)
    public static let downloads = Shows(rawValue: 4)

    /// Words for the reference: "table and figure".
    public var description: String {
        var parts = [String]()
        if contains(.table) { parts.append("table") }
        if contains(.figure) { parts.append("figure") }
        if contains(.downloads) { parts.append("download links") }
        return parts.isEmpty ? "nothing" : parts.joined(separator: " and ")
    }
}

/// One inline value a kind offers, for the reference.
public struct FieldDoc: Sendable {
    public let name: String
    public let kind: ValueKind
    public let summary: String

    public init(_ name: String, _ kind: ValueKind, _ summary: String) {
        self.name = name
        self.kind = kind
        self.summary = summary
    }
}

/// The options that every kind which shows something takes.
public enum CommonOptions {
    public static let echo = OptionSpec.optional("echo", .boolean, default: "false", "Show the directive's own source, folded, under its output.")
    public static let caption = OptionSpec.optional("caption", .text, "Caption under the figure or above the table (a description is generated when absent).")
    public static let alt = OptionSpec.optional("alt", .text, "Alternative text of the figure for screen readers (generated from the data when absent).")
    public static let width = OptionSpec.optional("width", .integer(200...2000), default: "800", "Figure width in points.")
    public static let height = OptionSpec.optional("height", .integer(150...2000), default: "500", "Figure height in points.")

    /// Options that change only how the result is shown, never what is computed: the cache
    /// re-renders for them without recomputing (`echo` only changes the page).
    public static let presentation: Set<String> = ["echo", "caption", "alt", "width", "height"]

    public static func specs(for shows: Shows) -> [OptionSpec] {
        [echo] + (shows.isDisjoint(with: [.table, .figure]) ? [] : [caption]) + (shows.contains(.figure) ? [alt, width, height] : [])
    }
}
