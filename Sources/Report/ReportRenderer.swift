import Notebook

/// Renders a planned book and its directives' results into the files of the report:
/// `index.html` (title and table of contents), one page per chapter, `style.css`, and the
/// figures' images and downloadable data.
public enum ReportRenderer {
    public static func render(_ plan: BuildPlan, results: [String: DirectiveResult]) -> [OutputFile] {
        let parsed = plan.parsed
        let book = parsed.book
        let template = PageTemplate(bookTitle: book.settings.title)
        let pages = book.chapters.map { "\($0.slug).html" }
        var blocks = BlockRenderer(plan, results: results, pages: pages)
        let echo = Set(plan.steps.filter { $0.options.get("echo", as: Bool.self) }.map(\.invocation.name))
        var contents = [String]()
        var titles = [String]()
        for (index, chapter) in book.chapters.enumerated() {
            let source = ProseFiller.fill(chapter.source, references: parsed.prose[index], results: results, blocks: blocks)
            let document = MarkdownDocument(source)
            var replacements = [Int: String]()
            for invocation in parsed.invocations[index] {
                replacements[invocation.location.line] = blocks.render(results[invocation.name]?.blocks ?? [], of: invocation,
                                                                       echo: echo.contains(invocation.name))
            }
            titles.append(document.firstTitle ?? chapter.slug)
            contents.append(document.renderHTML(replacingCodeBlocksAt: replacements))
        }
        let links = zip(pages, titles).map { PageTemplate.Link(title: $1, href: $0) }
        var files = [OutputFile(path: "style.css", text: Stylesheet.css)]
        let toc = links.map { "<li><a href=\"\($0.href.htmlEscaped)\">\($0.title.htmlEscaped)</a></li>" }.joined(separator: "\n")
        files.append(OutputFile(path: "index.html", text: template.page(
            title: book.settings.title,
            content: "<h1>\(book.settings.title.htmlEscaped)</h1>\n<h2>Contents</h2>\n<ol class=\"toc\">\n\(toc)\n</ol>",
            previous: nil, next: links.first)))
        for index in book.chapters.indices {
            files.append(OutputFile(path: links[index].href, text: template.page(
                title: titles[index], content: contents[index],
                previous: index > 0 ? links[index - 1] : PageTemplate.Link(title: "Contents", href: "index.html"),
                next: index + 1 < links.count ? links[index + 1] : nil)))
        }
        return files + blocks.files
    }
}
