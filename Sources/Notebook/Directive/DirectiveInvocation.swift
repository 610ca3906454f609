/// A directive as written in a chapter: "```{kind} name" followed by YAML options.
public struct DirectiveInvocation: Sendable, Hashable {
    public let kind: String
    public let name: String
    public let yaml: String
    /// The opening fence.
    public let location: SourceLocation
    /// Index of the chapter in the book.
    public let chapterIndex: Int

    /// Line of the first option (the line after the fence).
    public var bodyFirstLine: Int { location.line + 1 }
}
