import Testing
@testable import Notebook

@Suite struct DirectiveOptionsTests {
    func options(_ yaml: String) throws -> DirectiveOptions {
        try DirectiveOptions(yaml: yaml, file: "ch.md", firstLine: 10, subject: "{train}",
                             allowed: ["hidden", "epochs", "lr", "name"])
    }

    @Test func typedValuesAndTheirLines() throws {
        let parsed = try options("hidden: [10, 20]\nepochs: 200\nlr: 0.01\n")
        #expect(try parsed.intList("hidden") == [10, 20])
        #expect(try parsed.int("epochs") == 200)
        #expect(try parsed.double("lr") == 0.01)
        #expect(parsed.location(of: "epochs") == SourceLocation(file: "ch.md", line: 11, column: 9))
        #expect(try parsed.int("name") == nil)
    }

    @Test func unknownOptionSuggestsTheClosestName() {
        #expect(throws: Diagnostic(at: SourceLocation(file: "ch.md", line: 11, column: 1),
                                   "unknown option 'hiden' for {train}; did you mean 'hidden'?")) {
            try options("epochs: 3\nhiden: [10]\n")
        }
    }

    enum Shape: String, CaseIterable { case wide, narrow }

    @Test func choicesReadNamedValuesAndSuggestTheClosest() throws {
        #expect(try options("epochs: 3\n").choice("name", default: Shape.wide) == .wide)
        #expect(try options("name: narrow\n").choice("name", default: Shape.wide) == .narrow)
        #expect(throws: Diagnostic(at: SourceLocation(file: "ch.md", line: 10, column: 7),
                                   "unknown name 'narow'; did you mean 'narrow'?")) {
            try options("name: narow\n").choice("name", default: Shape.wide)
        }
    }

    @Test func wrongTypeIsReportedAtTheValue() throws {
        let parsed = try options("epochs: many\n")
        #expect(throws: Diagnostic(at: SourceLocation(file: "ch.md", line: 10, column: 9),
                                   "'epochs' must be a whole number, not 'many'")) {
            try parsed.int("epochs")
        }
    }

    @Test func badYAMLPointsIntoTheFile() {
        let lines = diagnostics { _ = try options("epochs: 3\nlr: [0.1\n") }
        #expect(lines.count == 1)
        #expect(lines[0].hasPrefix("ch.md:1"))
        #expect(lines[0].contains("error: invalid YAML"))
    }

    @Test func bodyMustBeAMapping() {
        #expect(throws: Diagnostic.self) { try options("- just\n- a list\n") }
    }

    @Test func emptyBodyHasNoOptions() throws {
        #expect(try options("").contains("epochs") == false)
    }

    @Test func suggestions() {
        #expect(closestMatch(to: "hiden", among: ["hidden", "epochs"]) == "hidden")
        #expect(closestMatch(to: "zzz", among: ["hidden", "epochs"]) == nil)
        #expect(editDistance("kitten", "sitting") == 3)
    }
}
