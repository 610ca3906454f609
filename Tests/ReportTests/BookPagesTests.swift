import Foundation
import Testing
@testable import Notebook
@testable import Report

/// The book around the chapters: heading anchors, navigation, search, the front page and the
/// one-file book.
@Suite struct BookPagesTests {
    func render(_ chapters: [(String, String)], settings: BookSettings = BookSettings(title: "Book"),
                selfContained: Bool = false) throws -> [String: String] {
        let book = Book(settings: settings, chapters: chapters.map { Chapter(displayPath: "c/\($0.0).md", slug: $0.0, source: $0.1) })
        let plan = try BuildPlan(try ParsedBook(book), registry: DirectiveRegistry([ReportRendererTests.Stub.self]))
        let results = ["fig": DirectiveResult(blocks: [.figure(Figure(fileName: "fig.png", png: [9, 9], width: 640, height: 400,
                                                                      caption: "C", alt: "A"))])]
        let files = try ReportRenderer.render(plan, results: results, selfContained: selfContained)
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
    }

    @Test func headingsGetUniqueIDsThroughTheBookAndHoverAnchors() throws {
        let pages = try render([("01-a", "# Intro\n\n## The *data*\n\n## The data\n\n## Fig\n\n```{x} fig\n```\n"),
                                ("02-b", "# Next\n\n## The data\n")])
        let first = pages["01-a.html"]!
        #expect(first.contains("<h2 id=\"the-data\">The <em>data</em> <a class=\"anchor\" href=\"#the-data\" aria-label=\"Link to this section\">#</a></h2>"))
        #expect(first.contains("<h2 id=\"the-data-2\">"))
        #expect(first.contains("<h2 id=\"fig-2\">"), "'fig' is the figure's anchor")
        #expect(pages["02-b.html"]!.contains("<h2 id=\"the-data-3\">"))
        // The sidebar lists the current chapter's sections.
        #expect(first.contains("<a href=\"01-a.html\" aria-current=\"page\">Intro</a><ol class=\"sections\"><li><a href=\"#the-data\">The data</a></li>"))
    }

    /// A long book's sidebar lists the chapters around the page and links to the contents for
    /// the rest: no page grows with the book.
    @Test func aLongBooksPagesStayTheSizeOfAPage() throws {
        func largestPage(chapters count: Int) throws -> Int {
            let pages = try render((1...count).map { (String(format: "c%04d", $0), "# Chapter \($0)\n") })
            return pages.filter { $0.key.hasSuffix(".html") && $0.key != "index.html" }.map(\.value.utf8.count).max()!
        }
        let (short, long) = (try largestPage(chapters: 150), try largestPage(chapters: 600))
        #expect(long < short + 200, "a page of a 600-chapter book is \(long) bytes, of a 150-chapter book \(short)")
        let pages = try render((1...300).map { (String(format: "c%04d", $0), "# Chapter \($0)\n") })
        let middle = pages["c0150.html"]!
        #expect(middle.contains("<a href=\"index.html#contents\">99 earlier chapters</a>"))
        #expect(middle.contains("<ol class=\"chapters\" start=\"100\">"))
        #expect(middle.contains("<a href=\"c0149.html\">Chapter 149</a>") && middle.contains("<a href=\"c0199.html\">Chapter 199</a>"))
        #expect(!middle.contains("<li><a href=\"c0200.html\">"), "the 101st chapter after the window's start is left out")
        #expect(middle.contains("<a href=\"index.html#contents\">101 later chapters</a>"))
        #expect(pages["index.html"]!.contains("<a href=\"c0300.html\">Chapter 300</a>"), "the contents page lists every chapter")
        let short150 = try render((1...100).map { (String(format: "c%04d", $0), "# Chapter \($0)\n") })
        #expect(!short150["c0050.html"]!.contains("more-chapters"), "a book of 100 chapters lists them all")
    }

    @Test func footnotesAndGFMExtensionsRender() throws {
        let page = try render([("01-a", "# A\n\nSee this[^n] and ~~that~~ at https://example.org.\n\n- [x] done\n\n[^n]: The note.\n")])["01-a.html"]!
        #expect(page.contains("<del>that</del>"))
        #expect(page.contains("<a href=\"https://example.org\">https://example.org</a>"))
        #expect(page.contains("type=\"checkbox\""))
        #expect(page.contains("href=\"#fn-01-a-n\""))
        #expect(page.contains("id=\"fn-01-a-n\""))
        #expect(page.contains("The note."))
    }

    @Test func frontPageHasTheSettingsAndEveryChapterWithItsSections() throws {
        let settings = BookSettings(title: "KD <book>", subtitle: "Run it", authors: ["Ada", "Grace"], abstract: "An *abstract*.")
        let index = try render([("01-a", "# Intro\n\n## Part one\n"), ("02-b", "# Next\n")], settings: settings)["index.html"]!
        #expect(index.contains("<h1>KD &lt;book&gt;</h1>"))
        #expect(index.contains("<p class=\"subtitle\">Run it</p>"))
        #expect(index.contains("<p class=\"authors\">Ada, Grace</p>"))
        #expect(index.contains("<p>An <em>abstract</em>.</p>"))
        #expect(index.contains("<li><a href=\"01-a.html\">Intro</a>\n<ol class=\"toc-sections\"><li><a href=\"01-a.html#part-one\">Part one</a></li></ol></li>"))
        #expect(index.contains("<meta name=\"description\" content=\"An *abstract*.\">"))
    }

    @Test func searchIndexHoldsEachSectionsTextAndCaptions() throws {
        let pages = try render([("01-a", "# Intro\n\nWelcome words.\n\n## Part one\n\nTemperature <b>matters</b>.\n\n```{x} fig\n```\n")])
        let index = pages["search-index.js"]!
        #expect(index.hasPrefix("window.distillerySearch = ["))
        #expect(index.contains("{\"chapter\":\"Intro\",\"href\":\"01-a.html#intro\",\"text\":\"Welcome words.\",\"title\":\"Intro\"}"))
        #expect(index.contains("{\"chapter\":\"Intro\",\"href\":\"01-a.html#part-one\",\"text\":\"Temperature matters. Figure 1. C\",\"title\":\"Part one\"}"))
        #expect(pages["search.js"]!.contains("textContent"))
        #expect(pages["01-a.html"]!.contains("<div id=\"search-box\" class=\"search\" role=\"search\" hidden>"))
    }

    @Test func selfContainedBookIsOneFileWithEverythingInside() throws {
        let pages = try render([("01-a", "# Intro\n\nSee @fig and [next](02-b.html).\n"), ("02-b", "# Next\n\n```{x} fig\n```\n")],
                               selfContained: true)
        #expect(Array(pages.keys) == ["index.html"])
        let page = pages["index.html"]!
        #expect(page.contains("<style>"))
        #expect(!page.contains("style.css"))
        #expect(page.contains("src=\"data:image/png;base64,CQk=\""))
        #expect(page.contains("<a class=\"xref\" href=\"#fig\">Figure 1</a>"))
        #expect(page.contains("<a href=\"#02-b\">next</a>"))
        #expect(page.contains("<section class=\"chapter\" id=\"02-b\">"))
        #expect(page.contains("\"href\":\"#intro\""), "search links stay in the page")
        #expect(!page.contains(".html\""))
    }
}

@Suite struct FormulaPagesTests {
    func page(_ source: String) throws -> String {
        let book = Book(settings: BookSettings(title: "B"), chapters: [Chapter(displayPath: "c/01-a.md", slug: "01-a", source: source)])
        let plan = try BuildPlan(try ParsedBook(book), registry: DirectiveRegistry([ReportRendererTests.Stub.self]))
        let files = try ReportRenderer.render(plan, results: [:])
        return String(decoding: files.first { $0.path == "01-a.html" }!.bytes, as: UTF8.self)
    }

    @Test func formulasBecomeMathMLWhereTheyAreAndTeXNeverMeetsMarkdown() throws {
        let html = try page("# A\n\nWith $x_i * y_i$ inline, $5 and $10 as prices.\n\n$$\n\\frac{a}{b}\n$$\n\nAfter.\n")
        #expect(html.contains("With <math><semantics>"))
        #expect(html.contains("<mi>x</mi><mi>i</mi>"), "no emphasis from the underscores")
        #expect(html.contains("inline, $5 and $10 as prices."))
        #expect(html.contains("<math display=\"block\"><semantics><mfrac><mi>a</mi><mi>b</mi></mfrac>"))
        #expect(!html.contains("\u{E000}") && !html.contains("\u{E001}"))
        #expect(html.contains("<p>After.</p>"))
    }

    @Test func unsupportedTeXIsAnErrorAtItsLineAndColumn() throws {
        let book = Book(settings: BookSettings(), chapters: [Chapter(displayPath: "c/01-a.md", slug: "01-a", source: "# A\n\nSee $a + \\foo{b}$.\n")])
        do {
            _ = try Formulas(try ParsedBook(book))
            Issue.record("expected an error")
        } catch let list as DiagnosticList {
            #expect(list.diagnostics.map(\.description) == ["c/01-a.md:3:10: error: unsupported TeX command '\\foo'"])
        }
    }
}
