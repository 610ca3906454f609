import Testing
@testable import Notebook

@Suite struct MathScannerTests {
    func scan(_ source: String) throws -> [MathSpan] {
        let document = MarkdownDocument(source)
        return try MathScanner.scan(source, literal: document.literalRegions, file: "c.md")
    }

    @Test func findsInlineAndDisplayMath() throws {
        let spans = try scan("Let $x_i^2$ be.\n\n$$\n\\frac{a}{b}\n$$\n")
        #expect(spans.map(\.tex) == ["x_i^2", "\n\\frac{a}{b}\n"])
        #expect(spans.map(\.display) == [false, true])
        #expect(spans[0].start == MathSpan.Point(line: 1, byte: 4) && spans[0].end == MathSpan.Point(line: 1, byte: 11))
        #expect(spans[1].start == MathSpan.Point(line: 3, byte: 0) && spans[1].end == MathSpan.Point(line: 5, byte: 2))
        #expect(spans[0].texLocation == SourceLocation(file: "c.md", line: 1, column: 6))
    }

    @Test func pricesAndEscapedDollarsStayText() throws {
        #expect(try scan("It costs $5 and $10 today.").isEmpty)
        #expect(try scan("Between $ 5 and 6 $ dollars.").isEmpty)
        #expect(try scan("A \\$ sign and \\$x\\$.").isEmpty)
        // A closing dollar followed by a digit does not close.
        #expect(try scan("$a$1 and $b$").map(\.tex) == ["a$1 and $b"])
    }

    @Test func codeAndRawHTMLAreNotMath() throws {
        #expect(try scan("Run `echo $HOME $PATH` now.").isEmpty)
        #expect(try scan("```sh\nx=$a$b\n```\n").isEmpty)
        #expect(try scan("<div>$a$</div>\n").isEmpty)
        #expect(try scan("`$a` and $b$").map(\.tex) == ["b"])
    }

    @Test func errorsInTeXPointAtTheirLineAndColumn() throws {
        let spans = try scan("Wide é $\\alpha + \\foo$.\n\n$$a +\n  \\bar$$\n")
        #expect(spans[0].location(atTeXOffset: 9) == SourceLocation(file: "c.md", line: 1, column: 18))
        #expect(spans[1].location(atTeXOffset: 6) == SourceLocation(file: "c.md", line: 4, column: 3))
    }

    @Test func unclosedDisplayMathIsAnError() {
        #expect(throws: DiagnosticList.self) { try scan("$$a + b\n\nmore") }
        do {
            _ = try scan("Text\n$$a + b\n\nmore")
        } catch let list as DiagnosticList {
            #expect(list.diagnostics.map(\.location) == [SourceLocation(file: "c.md", line: 2, column: 1)])
        } catch { Issue.record(error) }
    }

    @Test func inlineValuesInsideMathAreNotRead() throws {
        let source = "Here $x^{{2}}$ and {{ a.b }} and $@c$."
        let document = MarkdownDocument(source)
        let math = try MathScanner.scan(source, literal: document.literalRegions, file: "c.md")
        let prose = try ProseScanner.scan(source, spans: document.textSpans, math: math, file: "c.md")
        #expect(prose.map(\.name) == ["a"])
    }
}
