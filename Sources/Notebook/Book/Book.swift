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

    public init(title: String = "Untitled report") {
        self.title = title
    }
}
