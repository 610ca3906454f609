/// The book with the directives and prose references found in each chapter.
public struct ParsedBook: Sendable {
    public let book: Book
    /// invocations[i] are chapter i's directives in order.
    public let invocations: [[DirectiveInvocation]]
    /// prose[i] are chapter i's inline values and cross-references in order.
    public let prose: [[ProseReference]]
    /// math[i] are chapter i's formulas in order.
    public let math: [[MathSpan]]

    /// Parses every chapter and collects all malformed directive headers and prose references
    /// before failing.
    public init(_ book: Book) throws {
        var invocations = [[DirectiveInvocation]]()
        var prose = [[ProseReference]]()
        var math = [[MathSpan]]()
        var problems = [Diagnostic]()
        for chapter in book.chapters {
            let document = MarkdownDocument(chapter.source)
            do {
                invocations.append(try DirectiveScanner.scan(document, chapter: chapter))
            } catch let list as DiagnosticList {
                problems += list.diagnostics
                invocations.append([])
            }
            do {
                math.append(try MathScanner.scan(chapter.source, literal: document.literalRegions, file: chapter.displayPath))
            } catch let list as DiagnosticList {
                problems += list.diagnostics
                math.append([])
            }
            do {
                prose.append(try ProseScanner.scan(chapter.source, spans: document.textSpans, math: math.last ?? [],
                                                   file: chapter.displayPath))
            } catch let list as DiagnosticList {
                problems += list.diagnostics
                prose.append([])
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        self.book = book
        self.invocations = invocations
        self.prose = prose
        self.math = math
    }
}
