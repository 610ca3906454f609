/// One kind of directive (`{train}`, `{plot}`, …). The notebook engine knows directives only
/// through this protocol; the vocabulary lives in the Directives module.
public protocol Directive: Sendable {
    /// The word between the braces of the info string, e.g. "train".
    static var kind: String { get }
    /// Every option the kind accepts, with its documentation.
    static var options: [OptionDoc] { get }

    /// Reads and checks the options; throws a `Diagnostic` for a bad value.
    init(name: String, options: DirectiveOptions) throws

    /// Names of the directives whose results this one uses.
    var dependencies: [String] { get }

    /// Does the work. Other directives' results come from `context`.
    func run(in context: ExecutionContext) throws -> DirectiveResult
}

/// The documentation of one option of a directive kind.
public struct OptionDoc: Sendable, Hashable {
    public let name: String
    public let summary: String

    public init(_ name: String, _ summary: String) {
        self.name = name
        self.summary = summary
    }
}

/// Options every directive kind accepts.
public let commonOptions: [OptionDoc] = [
    OptionDoc("caption", "Text under the figure or above the table."),
    OptionDoc("alt", "Alternative text for a figure, read by screen readers."),
]
