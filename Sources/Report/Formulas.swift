import Notebook

/// The book's TeX as MathML. Formulas are translated before Markdown sees them: the chapter's
/// source gets a placeholder in place of each (cmark would read `_` and `*` in TeX as emphasis),
/// and the rendered HTML gets the MathML back.
public struct Formulas {
    /// mathML[chapter][i] is the MathML of the chapter's i-th formula.
    private let mathML: [[String]]
    private let plainText: [[String]]

    /// Translates every formula; an unsupported construct is an error at its line and column.
    public init(_ parsed: ParsedBook) throws {
        var mathML = [[String]](), problems = [Diagnostic]()
        for spans in parsed.math {
            var chapter = [String]()
            for span in spans {
                do {
                    chapter.append(try MathTranslator.mathML(span.tex, display: span.display))
                } catch {
                    problems.append(Diagnostic(at: span.location(atTeXOffset: error.offset), error.message))
                }
            }
            mathML.append(chapter)
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        self.mathML = mathML
        plainText = parsed.math.map { $0.map { TeXPlainText.readable($0.tex) } }
    }

    /// Stands for formula `index` in Markdown: private-use characters that cmark passes through
    /// as text, in no markup.
    static func placeholder(_ index: Int) -> String { "\u{E000}\(index)\u{E000}" }
    /// Fills the further lines of a display formula, so the paragraph keeps its lines.
    static let continuation = "\u{E001}"

    /// Rendered HTML with each placeholder replaced by its MathML.
    func substitute(in html: String, chapter: Int) -> String {
        replacing(in: html, chapter: chapter, with: mathML[chapter])
    }

    /// Plain text (a heading in the contents, the search index) with each placeholder replaced
    /// by its formula in readable characters.
    func plain(_ text: String, chapter: Int) -> String {
        replacing(in: text, chapter: chapter, with: plainText[chapter])
    }

    private func replacing(in text: String, chapter: Int, with values: [String]) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "\u{E000}" || $0 == "\u{E001}" }) else { return text }
        // Built as UTF-8 bytes: appending to a string's scalar view copied the whole output each
        // time, which made a chapter of many formulas quadratic.
        var out = [UInt8](), number: Int?
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\u{E001}": continue
            case "\u{E000}":
                if let index = number {
                    out.append(contentsOf: (values.indices.contains(index) ? values[index] : "").utf8)
                    number = nil
                } else {
                    number = 0
                }
            default:
                if let partial = number, scalar.properties.numericType == .decimal, let digit = scalar.properties.numericValue {
                    number = partial * 10 + Int(digit)
                } else {
                    out.append(contentsOf: String(scalar).utf8)
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
