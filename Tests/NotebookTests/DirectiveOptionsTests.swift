import Testing
@testable import Notebook

@Suite struct DirectiveOptionsTests {
    enum Shape: String, CaseIterable { case wide, narrow }

    let schema: [OptionSpec] = [
        .optional("hidden", .list(.integer(1...100), count: 1...3), default: "[10]", "Widths."),
        .optional("epochs", .integer(1...1000), default: "100", "Epochs."),
        .optional("lr", .number(.openClosed(0, 1)), "Learning rate."),
        .optional("dropout", .number(.closedOpen(0, 1)), "Dropout."),
        .optional("name", .choice(Shape.self), default: "wide", "Shape."),
        .optional("flag", .boolean, default: "false", "Flag."),
    ]

    func options(_ yaml: String) throws -> DirectiveOptions {
        try DirectiveOptions(yaml: yaml, file: "ch.md", firstLine: 10, subject: "{train}", schema: schema)
    }

    /// The one diagnostic reading `yaml` gives, as a compiler-style line.
    func problem(_ yaml: String) -> String {
        diagnostics { _ = try options(yaml) }.first ?? "no error"
    }

    @Test func typedValuesDefaultsAndTheirLines() throws {
        let parsed = try options("hidden: [10, 20]\nepochs: 200\nlr: 0.01\n")
        #expect(parsed.get("hidden", as: [Int].self) == [10, 20])
        #expect(parsed.get("epochs", as: Int.self) == 200)
        #expect(parsed.optional("lr", as: Double.self) == 0.01)
        #expect(parsed.location(of: "epochs") == SourceLocation(file: "ch.md", line: 11, column: 9))
        #expect(parsed.optional("dropout", as: Double.self) == nil)
        #expect(parsed.get("flag", as: Bool.self) == false)
        #expect(try options("").get("hidden", as: [Int].self) == [10])
        #expect(try options("hidden: 7").get("hidden", as: [Int].self) == [7])
    }

    @Test func unknownOptionSuggestsTheClosestName() {
        #expect(problem("epochs: 3\nhiden: [10]\n") == "ch.md:11:1: error: unknown option 'hiden' for {train}; did you mean 'hidden'?")
    }

    @Test func choicesReadNamedValuesAndSuggestTheClosest() throws {
        #expect(try options("epochs: 3\n").choice("name", as: Shape.self) == .wide)
        #expect(try options("name: narrow\n").choice("name", as: Shape.self) == .narrow)
        #expect(problem("name: narow\n") == "ch.md:10:7: error: unknown name 'narow'; did you mean 'narrow'? (the choices are wide, narrow)")
    }

    @Test func wrongTypesAndRangesAreReportedAtTheValue() {
        #expect(problem("epochs: many\n") == "ch.md:10:9: error: 'epochs' must be a whole number, not 'many'")
        #expect(problem("epochs: 0\n") == "ch.md:10:9: error: 'epochs' must be in [1, 1000], not 0")
        #expect(problem("hidden: [4, 0]\n") == "ch.md:10:13: error: 'hidden' must be in [1, 100], not 0")
        #expect(problem("hidden: [1, 2, 3, 4]\n") == "ch.md:10:9: error: 'hidden' must have 1–3 items, not 4")
        #expect(problem("lr: 0\n") == "ch.md:10:5: error: 'lr' must be in (0, 1], not 0")
        #expect(problem("flag: yes\n") == "ch.md:10:7: error: 'flag' must be true or false, not 'yes'")
        #expect(problem("epochs: [1, 2]\n") == "ch.md:10:9: error: 'epochs' must be a single value, not a list or mapping")
    }

    /// Values that pass as 64-bit numbers but round to an invalid 32-bit float are refused.
    @Test func valuesThatRoundOutOfRangeInFloatAreRefused() {
        #expect(problem("dropout: 0.99999999\n") == "ch.md:10:10: error: 'dropout' must be in [0, 1), not 0.99999999 (it rounds to 1.0 in 32-bit floating point)")
        #expect(problem("lr: 1e-50\n") == "ch.md:10:5: error: 'lr' must be in (0, 1], not 1e-50 (it rounds to 0.0 in 32-bit floating point)")
        #expect(problem("dropout: 0.9999\n") == "no error")
    }

    /// Nine levels of nine aliases stand for 387 million values; reading stops at the budget.
    @Test func anAliasBombIsRefusedWithoutExpandingIt() {
        var lines = ["a0: &a0 [1, 1, 1, 1, 1, 1, 1, 1, 1]"]
        for level in 1...8 { lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]") }
        let yaml = lines.joined(separator: "\n") + "\n"
        let lines2 = diagnostics {
            _ = try DirectiveOptions(yaml: yaml, file: "ch.md", firstLine: 10, subject: "{x}",
                                     schema: (0...8).map { .optional("a\($0)", .text, "Any.") })
        }
        #expect(lines2.count == 1 && lines2[0].contains("more than 10000 YAML values"), "\(lines2)")
    }

    @Test func missingRequiredOptionIsReportedAtTheDirective() {
        let lines = diagnostics {
            _ = try DirectiveOptions(yaml: "", file: "ch.md", firstLine: 10, subject: "{x}",
                                     schema: [.required("data", .text, "Data.")], owner: SourceLocation(file: "ch.md", line: 9))
        }
        #expect(lines == ["ch.md:9:1: error: {x} needs the option 'data'"])
    }

    @Test func canonicalFormIgnoresFormattingOrderAndComments() throws {
        let a = try options("epochs: 3   # three\nhidden:\n  - 10\n  - 20\n")
        let b = try options("hidden: [10, 20]\nepochs: 3\n")
        #expect(a.canonical == b.canonical)
        #expect(a.canonical == "epochs: 3\nhidden: [10, 20]")
    }

    @Test func badYAMLPointsIntoTheFile() {
        let lines = diagnostics { _ = try options("epochs: 3\nlr: [0.1\n") }
        #expect(lines.count == 1)
        #expect(lines[0].hasPrefix("ch.md:1"))
        #expect(lines[0].contains("error: invalid YAML"))
    }

    @Test func bodyMustBeAMapping() {
        #expect(problem("- just\n- a list\n").contains("must be a YAML mapping"))
    }

    @Test func suggestions() {
        #expect(closestMatch(to: "hiden", among: ["hidden", "epochs"]) == "hidden")
        #expect(closestMatch(to: "zzz", among: ["hidden", "epochs"]) == nil)
        #expect(editDistance("kitten", "sitting") == 3)
    }
}
