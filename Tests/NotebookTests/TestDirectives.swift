import Notebook

/// A directive kind for testing the engine: produces a number, optionally adding the numbers
/// of the directives it lists in `inputs`.
struct NumberDirective: Directive {
    static let kind = "number"
    static let code = CodeModules(compute: ["Test"])
    static let summary = "A number."
    static let shows = Shows.table
    static let options: [OptionSpec] = [
        .required("value", .integer(-1000...1000), "The number."),
        .optional("inputs", .list(.reference(kinds: ["number"]), count: 1...10), "Directives to add."),
    ]
    static let fieldDocs = [FieldDoc("sum", .count, "The sum.")]

    let inputs: [Dependency]
    let value: Int

    init(name: String, options: DirectiveOptions) throws {
        value = options.get("value")
        inputs = options.references("inputs")
    }

    var dependencies: [Dependency] { inputs }

    func run(in context: ExecutionContext) throws -> DirectiveResult {
        let sum = try inputs.reduce(value) { $0 + (try context.value(of: $1.name, as: Int.self, expected: "a number")) }
        return DirectiveResult(value: sum, blocks: [.table(Table(caption: "Sum", header: ["sum"], rows: [[String(sum)]]))],
                               fields: ["sum": .count(sum)])
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
