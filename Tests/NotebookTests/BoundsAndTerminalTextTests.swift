import Testing
@testable import Notebook

@Suite struct BoundsAndTerminalTextTests {
    /// Every documented inclusive bound is inside its range, however it rounds to 32 bits.
    @Test(arguments: [(1e-6, 10.0), (0.01, 0.5), (0.01, 1e4), (0.05, 1000.0), (0.1, 0.3)])
    func inclusiveBoundsAreInside(_ bounds: (Double, Double)) {
        let range = NumberRange(bounds.0, bounds.1)
        #expect(range.contains(bounds.0) && range.contains(bounds.1))
        #expect(!range.contains(bounds.0.nextDown * 0.999) && !range.contains(bounds.1 * 1.001))
    }

    @Test func valuesThatRoundOntoAnOpenBoundAreStillRefused() {
        #expect(!NumberRange.closedOpen(0, 1).contains(0.99999999), "rounds to 1 in 32 bits")
        #expect(NumberRange.closedOpen(0, 1).contains(0.9999))
        #expect(!NumberRange.openClosed(0, 1).contains(1e-50), "rounds to 0 in 32 bits")
    }

    @Test func controlCharactersAreShownEscaped() {
        #expect("a\u{1B}[31mb\u{07}c\u{0}d".terminalSafe == "a\\u{1B}[31mb\\u{7}c\\u{0}d")
        #expect("x\u{202E}y\u{9B}z\r".terminalSafe == "x\\u{202E}y\\u{9B}z\\u{D}")
        #expect("line\n\ttab, 知识蒸馏, é".terminalSafe == "line\n\ttab, 知识蒸馏, é")
        let diagnostic = Diagnostic(at: SourceLocation(file: "chapters/\u{1B}x.md", line: 2), "bad \u{07}")
        #expect(diagnostic.description == "chapters/\\u{1B}x.md:2:1: error: bad \\u{7}")
    }
}
