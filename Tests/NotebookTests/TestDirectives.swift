import Notebook

/// A directive kind for testing the engine: produces a number, optionally adding the numbers
/// of the directives it lists in `inputs`.
struct NumberDirective: Directive {
    static let kind = "number"
    static let options = [OptionDoc("value", "The number."), OptionDoc("inputs", "Directives to add.")]

    let value: Int
    let inputs: [String]

    init(name: String, options: DirectiveOptions) throws {
        value = try options.required("value", options.int)
        inputs = try options.stringList("inputs") ?? []
    }

    var dependencies: [String] { inputs }

    func run(in context: ExecutionContext) throws -> DirectiveResult {
        let sum = try inputs.reduce(value) { $0 + (try context.value(of: $1, as: Int.self, expected: "a number")) }
        return DirectiveResult(value: sum, blocks: [])
    }
}

let testRegistry = DirectiveRegistry([NumberDirective.self])

/// A one-chapter book at "chapters/01-test.md".
func parsedBook(_ markdown: String) throws -> ParsedBook {
    try ParsedBook(Book(settings: BookSettings(), chapters: [Chapter(displayPath: "chapters/01-test.md", slug: "01-test", source: markdown)]))
}

/// The diagnostics a failing stage threw, as compiler-style lines.
func diagnostics(of body: () throws -> Void) -> [String] {
    do {
        try body()
        return []
    } catch let list as DiagnosticList {
        return list.diagnostics.map(\.description)
    } catch {
        return [String(describing: error)]
    }
}
