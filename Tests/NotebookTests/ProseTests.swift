import Testing
@testable import Notebook

@Suite struct ProseTests {
    func references(_ markdown: String) throws -> [ProseReference] {
        try parsedBook(markdown).prose[0]
    }

    @Test func findsValuesAndCrossReferencesOutsideCode() throws {
        let found = try references("""
        Accuracy {{ teacher.test_accuracy | ci }} in @teacher_loss, not `{{ a.b }}` nor `@c`.
        Mail me@example.com, see [link](http://x.org/@user) and \\@literal.

        ```
        {{ code.block }} @block
        ```

        > Quoted {{ s.best_difference|percent(2) }}; ü @fig_2.
        """)
        #expect(found.map(\.name) == ["teacher", "teacher_loss", "s", "fig_2"])
        #expect(found[0].content == .value(field: "test_accuracy", format: ValueFormat("ci")!))
        #expect(found[0].location == SourceLocation(file: "chapters/01-test.md", line: 1, column: 10))
        #expect(found[1].content == .crossReference)
        #expect(found[2].content == .value(field: "best_difference", format: ValueFormat("percent(2)")!))
        // Columns count characters, not bytes: "ü" is one.
        #expect(found[3].location.column == 48)
    }

    @Test func malformedValuesAreErrorsAtTheirPlace() {
        let lines = diagnostics { _ = try parsedBook("A {{ teacher }} and {{ t.x | percnt }}.\nOpen {{ t.x\n") }
        #expect(lines == [
            "chapters/01-test.md:1:3: error: '{{ teacher }}' is not an inline value; write {{ name.field }} or {{ name.field | format }}",
            "chapters/01-test.md:1:21: error: unknown format 'percnt'; did you mean 'percent'? (the choices are percent, percent(n), fixed(n), int, ci, pm)",
            "chapters/01-test.md:2:6: error: '{{' has no closing '}}' on this line; write {{ name.field | format }}",
        ])
    }

    @Test func formatsPrintWhatTheySay() {
        let accuracy = InlineValue.proportion(0.9642, interval: 0.958...0.970)
        #expect(ValueFormat("")!.format(accuracy) == "96.4%")
        #expect(ValueFormat("percent(2)")!.format(accuracy) == "96.42%")
        #expect(ValueFormat("ci")!.format(accuracy) == "96.4% [95.8, 97.0]")
        #expect(ValueFormat("pm")!.format(accuracy) == "96.4 ± 0.6")
        #expect(ValueFormat("fixed(3)")!.format(accuracy) == "0.964")
        let difference = InlineValue.difference(0.005, interval: -0.002...0.012)
        #expect(ValueFormat("")!.format(difference) == "+0.5 pp")
        #expect(ValueFormat("ci")!.format(difference) == "+0.5 pp [−0.2, +1.2]")
        #expect(ValueFormat("")!.format(.count(26122)) == "26,122" && ValueFormat("int")!.format(.count(610)) == "610")
        #expect(ValueFormat.grouped(1_000_000) == "1,000,000" && ValueFormat.grouped(-1437) == "-1,437")
        // An interval end that rounds to zero keeps the side it is on; exactly zero has no sign.
        #expect(ValueFormat("ci")!.format(.difference(0.004, interval: -0.0002...0.0003)) == "+0.4 pp [−0.0, +0.0]")
        #expect(ValueFormat("ci")!.format(.difference(0, interval: 0...0)) == "0.0 pp [0.0, 0.0]")
        #expect(ValueFormat("int")!.format(.count(1234)) == "1,234")
        #expect(ValueFormat("")!.format(.real(0.051234)) == "0.05123")
        #expect(ValueFormat("ci")!.problem(with: .count) != nil)
        for format in ["", "int", "percent", "fixed(2)", "ci", "pm"] {
            #expect(ValueFormat(format)!.format(.real(.nan)) == "—")
            #expect(ValueFormat(format)!.format(.difference(.infinity)) == "—")
        }
        #expect(ValueFormat("percent")!.problem(with: .text) != nil)
        #expect(ValueFormat("fixed") == nil && ValueFormat("percent(x)") == nil && ValueFormat("bogus") == nil)
    }
}
