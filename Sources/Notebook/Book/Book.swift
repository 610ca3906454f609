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
    /// The most one directive may spend training, in 10¹² floating-point operations.
    public var trainingBudgetTFLOP: Double

    public static let defaultTrainingBudgetTFLOP = 5.0

    public init(title: String = "Untitled report", subtitle: String? = nil, authors: [String] = [], abstract: String? = nil,
                trainingBudgetTFLOP: Double = defaultTrainingBudgetTFLOP) {
        self.title = title
        self.subtitle = subtitle
        self.authors = authors
        self.abstract = abstract
        self.trainingBudgetTFLOP = trainingBudgetTFLOP
    }

    static let schema: [OptionSpec] = [
        .optional("title", .text, default: "Untitled report", "The book's title."),
        .optional("subtitle", .text, "A line under the title."),
        .optional("authors", .list(.text, count: 1...100), "The authors' names."),
        .optional("abstract", .text, "A paragraph on the front page."),
        .optional("training_budget_tflop", .number(NumberRange(0.001, 1e6)), default: "5",
                  "The most one directive may spend training, in TFLOP (10¹² operations, counting a fixed cost per step and per example as the operations the same time would hold): 5 is about 100 s on the two-core development machine; a run that needs more is refused before it starts."),
    ]
}
