import Testing
@testable import Notebook

@Suite struct DirectiveScannerTests {
    @Test func findsDirectivesWithTheirPositions() throws {
        let parsed = try parsedBook("""
        # Title

        ```{number} first
        value: 1
        ```

        ```swift
        let ordinary = "code block"
        ```

        - a list item

          ```{number} second
          value: 2
          ```
        """)
        let found = parsed.invocations[0]
        #expect(found.map(\.kind) == ["number", "number"])
        #expect(found.map(\.name) == ["first", "second"])
        #expect(found[0].location == SourceLocation(file: "chapters/01-test.md", line: 3, column: 1))
        #expect(found[0].yaml == "value: 1\n")
        #expect(found[1].location.line == 13 && found[1].location.column == 3)
    }

    @Test func malformedHeadersAreAllReported() {
        let lines = diagnostics {
            _ = try parsedBook("""
            ```{number}
            value: 1
            ```

            ```{number} Bad-Name
            ```

            ```{number oops
            ```
            """)
        }
        #expect(lines == [
            "chapters/01-test.md:1:1: error: the {number} directive has no name; write {number} name",
            "chapters/01-test.md:5:1: error: 'Bad-Name' is not a valid directive name: use lower-case letters, digits and _, starting with a letter",
            "chapters/01-test.md:8:1: error: directive header '{number oops' has no closing '}'; write {kind} name",
        ])
    }

    @Test func identifiers() {
        #expect(DirectiveScanner.isIdentifier("teacher_2"))
        #expect(!DirectiveScanner.isIdentifier("2teacher"))
        #expect(!DirectiveScanner.isIdentifier("Teacher"))
        #expect(!DirectiveScanner.isIdentifier(""))
    }
}
