import Testing
@testable import Notebook
@testable import Report

@Suite struct ReportRendererTests {
    /// Shows whatever the test hands it; offers one value.
    struct Stub: Directive {
        static let kind = "x"
        static let code = CodeModules(compute: ["Test"])
        static let summary = "Stub."
        static let shows: Shows = [.figure, .table]
        static let options: [OptionSpec] = []
        static let fieldDocs = [FieldDoc("share", .proportionWithInterval, "A share.")]
        init(name: String, options: DirectiveOptions) {}
        var dependencies: [Dependency] { [] }
        func run(in context: ExecutionContext) throws -> DirectiveResult { DirectiveResult(blocks: []) }
    }

    let plan = try! BuildPlan(try! ParsedBook(Book(settings: BookSettings(title: "Book"), chapters: [
        Chapter(displayPath: "c/01-a.md", slug: "01-a", source: "# First\n\nSee @fig_two and @tab_one; `@fig_one` is code. Share {{ tab_one.share | ci }}.\n\n```{x} fig_one\necho: true\n```\n\n```{x} tab_one\n```\n"),
        Chapter(displayPath: "c/02-b.md", slug: "02-b", source: "Intro without a heading.\n\n```{x} fig_two\n```\n\n```python\nprint(1)\n```\n"),
    ])), registry: DirectiveRegistry([Stub.self]))

    func figure(_ name: String) -> DirectiveResult {
        DirectiveResult(blocks: [.figure(Figure(fileName: "\(name).png", png: [1, 2, 3], width: 800, height: 500,
                                                caption: "A <b> caption", alt: "alt \"text\""))])
    }

    @Test func numbersFiguresThroughTheBookAndReplacesDirectives() {
        let results = [
            "fig_one": figure("fig_one"), "fig_two": figure("fig_two"),
            "tab_one": DirectiveResult(blocks: [.table(Table(caption: "T", header: ["k", "v"], rows: [["a", "1"]],
                                                            alignments: [.leading, .trailing]))],
                                       fields: ["share": .proportion(0.5, interval: 0.25...0.75)]),
        ]
        let files = Dictionary(uniqueKeysWithValues: try! ReportRenderer.render(plan, results: results).map { ($0.path, $0) })
        #expect(Set(files.keys) == ["style.css", "search.js", "search-index.js", "index.html", "01-a.html", "02-b.html",
                                    "figures/fig_one.png", "figures/fig_two.png", "data/tables/tab_one.csv"])
        let first = String(decoding: files["01-a.html"]!.bytes, as: UTF8.self)
        #expect(first.contains("<span class=\"label\">Figure 1.</span> A &lt;b&gt; caption"))
        #expect(first.contains("alt=\"alt &quot;text&quot;\""))
        #expect(first.contains("<span class=\"label\">Table 1.</span> T <a class=\"table-data\" href=\"data/tables/tab_one.csv\" download=\"tab_one.csv\">CSV</a>"))
        #expect(String(decoding: files["data/tables/tab_one.csv"]!.bytes, as: UTF8.self) == "k,v\r\na,1\r\n")
        #expect(first.contains("<td class=\"num\">1</td>"))
        #expect(first.contains("<title>First · Book</title>"))
        // Cross-references are numbered through the book, forward too; code spans stay code.
        #expect(first.contains("See <a class=\"xref\" href=\"02-b.html#fig_two\">Figure 2</a> and <a class=\"xref\" href=\"01-a.html#tab_one\">Table 1</a>"))
        #expect(first.contains("<code>@fig_one</code>"))
        #expect(first.contains("Share 50.0% [25.0, 75.0]."))
        #expect(first.contains("<details class=\"source\"><summary>Source of {x} fig_one</summary>\n<pre><code>```{x} fig_one\necho: true\n```</code></pre>"))
        let second = String(decoding: files["02-b.html"]!.bytes, as: UTF8.self)
        #expect(second.contains("Figure 2.</span>"))
        #expect(second.contains("<code class=\"language-python\">print(1)"))
        #expect(second.contains("<title>02-b · Book</title>"))
        #expect(second.contains("<a class=\"prev\" rel=\"prev\" href=\"01-a.html\"><span class=\"pager-label\">Previous</span> First</a>"))
        #expect(files["figures/fig_two.png"]!.bytes == [1, 2, 3])
    }
}
