/// A directive as written in a chapter: "```{kind} name" followed by YAML options.
public struct DirectiveInvocation: Sendable, Hashable {
    public let kind: String
    public let name: String
    public let yaml: String
    /// The opening fence.
    public let location: SourceLocation

    /// Line of the first option (the line after the fence).
    public var bodyFirstLine: Int { location.line + 1 }
}
