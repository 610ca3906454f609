/// A place in a chapter's prose that the report fills in: an inline value
/// `{{ name.field | format }}` or a cross-reference `@name`.
public struct ProseReference: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        /// `{{ name.field | format }}`; `field` may have several parts ("student.difference").
        case value(field: String, format: ValueFormat)
        /// `@name`: a link to a figure or table, "Figure 3".
        case crossReference
    }

    /// The directive referred to.
    public let name: String
    public let content: Content
    /// Where it starts, for diagnostics (column in characters).
    public let location: SourceLocation
    /// The bytes it spans on its line: 0-based, end excluded; the report replaces them.
    public let line: Int
    public let bytes: Range<Int>
}
