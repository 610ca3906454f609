import Foundation
import Testing
@testable import Notebook

@Suite struct BuildPlanTests {
    @Test func runsDependenciesFirstAndPassesValues() throws {
        let parsed = try parsedBook("""
        ```{number} total
        value: 100
        inputs: [a, b]
        ```

        ```{number} a
        value: 1
        ```

        ```{number} b
        value: 2
        inputs: a
        ```
        """)
        let plan = try BuildPlan(parsed, registry: testRegistry)
        #expect(plan.steps.map(\.invocation.name) == ["a", "b", "total"])
        let results = try Executor.run(plan, projectDirectory: URL(fileURLWithPath: "/tmp"))
        #expect(results["total"]?.value as? Int == 104)
    }

    @Test func reportsEveryMistakeWithItsLocation() {
        let lines = diagnostics {
            _ = try BuildPlan(try parsedBook("""
            ```{numbr} a
            value: 1
            ```

            ```{number} b
            value: 1
            inputs: [c]
            ```

            ```{number} b
            value: 2
            ```

            ```{number} d
            inputs: [b]
            ```
            """), registry: testRegistry)
        }
        #expect(lines == [
            "chapters/01-test.md:1:1: error: unknown directive kind '{numbr}'; did you mean 'number'?",
            "chapters/01-test.md:7:10: error: 'c' is not the name of any directive; did you mean 'a'?",
            "chapters/01-test.md:10:1: error: the name 'b' is already used by the directive at chapters/01-test.md:5:1",
            "chapters/01-test.md:14:1: error: {number} needs the option 'value'",
        ])
    }

    @Test func cyclesAreRejected() {
        let lines = diagnostics {
            _ = try BuildPlan(try parsedBook("""
            ```{number} a
            value: 1
            inputs: [b]
            ```

            ```{number} b
            value: 1
            inputs: [a]
            ```
            """), registry: testRegistry)
        }
        #expect(lines == ["chapters/01-test.md:1:1: error: directives depend on each other in a cycle: a → b → a"])
    }

    @Test func runtimeFailuresCarryTheDirectiveLocation() throws {
        struct Failing: Directive {
            static let kind = "fail"
            static let code = CodeModules(compute: ["Test"])
            static let summary = "Fails."
            static let shows = Shows.table
            static let options: [OptionSpec] = []
            init(name: String, options: DirectiveOptions) {}
            var dependencies: [Dependency] { [] }
            func run(in context: ExecutionContext) throws -> DirectiveResult { throw ExecutionError("it broke") }
        }
        let plan = try BuildPlan(try parsedBook("text\n\n```{fail} f\n```\n"), registry: DirectiveRegistry([Failing.self]))
        #expect(throws: Diagnostic(at: SourceLocation(file: "chapters/01-test.md", line: 3, column: 1), "{fail} f: it broke")) {
            try Executor.run(plan, projectDirectory: URL(fileURLWithPath: "/tmp"))
        }
    }

    @Test func referencesMustNameTheRightKind() {
        struct Other: Directive {
            static let kind = "other"
            static let code = CodeModules(compute: ["Test"])
            static let summary = "Shows nothing."
            static let shows: Shows = []
            static let options: [OptionSpec] = []
            init(name: String, options: DirectiveOptions) {}
            var dependencies: [Dependency] { [] }
            func run(in context: ExecutionContext) throws -> DirectiveResult { DirectiveResult(blocks: []) }
        }
        let lines = diagnostics {
            _ = try BuildPlan(try parsedBook("```{other} o\n```\n\n```{number} n\nvalue: 1\ninputs: [o]\n```\n\nSee @o and {{ n.sum }} and {{ n.sun }}.\n"),
                              registry: DirectiveRegistry([NumberDirective.self, Other.self]))
        }
        #expect(lines == [
            "chapters/01-test.md:6:10: error: 'o' is a {other} directive, but 'inputs' needs a {number}",
            "chapters/01-test.md:9:5: error: @o points at a {other} directive, which shows no figure or table",
            "chapters/01-test.md:9:28: error: {number} n has no value 'sun'; did you mean 'sum'?; it has sum",
        ])
    }
}
