/// The book with the directives found in each chapter.
public struct ParsedBook: Sendable {
    public let book: Book
    /// invocations[i] are chapter i's directives in order.
    public let invocations: [[DirectiveInvocation]]

    /// Parses every chapter and collects all malformed directive headers before failing.
    public init(_ book: Book) throws {
        var invocations = [[DirectiveInvocation]]()
        var problems = [Diagnostic]()
        for chapter in book.chapters {
            do {
                invocations.append(try DirectiveScanner.scan(MarkdownDocument(chapter.source), chapter: chapter))
            } catch let list as DiagnosticList {
                problems += list.diagnostics
                invocations.append([])
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        self.book = book
        self.invocations = invocations
    }
}
