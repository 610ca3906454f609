/// One Markdown file of the book.
public struct Chapter: Sendable, Hashable {
    /// The path shown in diagnostics, e.g. "chapters/01-teacher.md".
    public let displayPath: String
    /// The file name without extension, e.g. "01-teacher"; the chapter's page is "<slug>.html".
    public let slug: String
    public let source: String

    public init(displayPath: String, slug: String, source: String) {
        self.displayPath = displayPath
        self.slug = slug
        self.source = source
    }
}
