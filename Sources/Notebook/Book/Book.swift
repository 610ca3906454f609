/// The chapters of a report, in reading order, with the book's settings.
public struct Book: Sendable {
    public let settings: BookSettings
    public let chapters: [Chapter]

    public init(settings: BookSettings, chapters: [Chapter]) {
        self.settings = settings
        self.chapters = chapters
    }
}

/// What `book.yml` beside the chapters may set.
public struct BookSettings: Sendable, Hashable {
    public var title: String
    public var subtitle: String?
    public var authors: [String]
    /// A paragraph for the front page.
    public var abstract: String?

    public init(title: String = "Untitled report", subtitle: String? = nil, authors: [String] = [], abstract: String? = nil) {
        self.title = title
        self.subtitle = subtitle
        self.authors = authors
        self.abstract = abstract
    }

    static let schema: [OptionSpec] = [
        .optional("title", .text, default: "Untitled report", "The book's title."),
        .optional("subtitle", .text, "A line under the title."),
        .optional("authors", .list(.text, count: 1...100), "The authors' names."),
        .optional("abstract", .text, "A paragraph on the front page."),
    ]
}
