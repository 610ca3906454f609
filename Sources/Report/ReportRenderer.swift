import Notebook

/// Renders a planned book and its directives' results into the files of the report:
/// `index.html` (title, abstract, contents), one page per chapter, the stylesheet, the search
/// index and script, and the figures' images and downloadable data — or, self-contained, all of
/// it as one `index.html`.
public enum ReportRenderer {
    /// Ids the page template uses; no heading takes them.
    private static let templateIDs: Set<String> = ["top", "content", "contents", "menu-toggle", "search", "search-box",
                                                   "search-results", "abstract-heading"]

    /// - Parameter formulas: the book's formulas translated already (by the check before the
    ///   build); translated here when not given.
    /// - Throws: the formulas' diagnostics (unsupported TeX), found before anything is rendered.
    public static func render(_ plan: BuildPlan, results: [String: DirectiveResult], formulas: Formulas? = nil,
                              selfContained: Bool = false) throws -> ReportFiles {
        let parsed = plan.parsed
        let book = parsed.book
        let formulas = try formulas ?? Formulas(parsed)
        var blocks = BlockRenderer(plan, results: results, pages: book.chapters.map { PageNames.href(for: $0.slug) })
        var ids = AnchorIDs(reserved: templateIDs.union(blocks.anchors).union(book.chapters.map(\.slug)))
        let echo = Set(plan.steps.filter { $0.options.get("echo", as: Bool.self) }.map(\.invocation.name))
        var chapters = [RenderedChapter]()
        for (index, chapter) in book.chapters.enumerated() {
            let source = try ProseFiller.fill(chapter.source, references: parsed.prose[index], math: parsed.math[index],
                                          results: results, blocks: blocks)
            var replacements = [Int: String]()
            for invocation in parsed.invocations[index] {
                replacements[invocation.location.line] = blocks.render(results[invocation.name]?.blocks ?? [], of: invocation,
                                                                       echo: echo.contains(invocation.name))
            }
            let renderer = ChapterRenderer(formulas: formulas, chapterIndex: index, slug: chapter.slug)
            chapters.append(renderer.render(source, replacements: replacements, ids: &ids))
        }
        let front = FrontPage.html(book.settings, chapters: chapters)
        let searchIndex = SearchAssets.index(chapters.flatMap(\.searchEntries))
        let description = PlainText.truncated(PlainText.collapsed(book.settings.abstract ?? book.settings.subtitle ?? book.settings.title), to: 160)
        if selfContained {
            let assets = "<style>\n\(Stylesheet.css)</style>\n<script>\n\(searchIndex)\(SearchAssets.script)</script>"
            let template = PageTemplate(book: book.settings, chapters: chapters, assets: assets)
            let body = ([front] + chapters.map { "<section class=\"chapter\" id=\"\($0.href.dropLast(5))\">\n\($0.html)</section>" })
                .joined(separator: "\n")
            let page = template.page(title: book.settings.title, description: description, content: body,
                                     current: nil, previous: nil, next: nil)
            return ReportFiles([OutputFile(path: "index.html", text: SelfContained.inline(page, chapterPages: chapters.map(\.href), files: blocks.files))])
        }
        let assets = """
        <link rel="stylesheet" href="\(Stylesheet.file)">
        <script src="\(SearchAssets.indexFile)" defer></script>
        <script src="\(SearchAssets.scriptFile)" defer></script>
        """
        let template = PageTemplate(book: book.settings, chapters: chapters, assets: assets)
        let links = chapters.map { PageTemplate.Link(title: $0.title, href: $0.href) }
        let fixed = [
            OutputFile(path: Stylesheet.file, text: Stylesheet.css),
            OutputFile(path: SearchAssets.indexFile, text: searchIndex),
            OutputFile(path: SearchAssets.scriptFile, text: SearchAssets.script),
            OutputFile(path: "index.html", text: template.page(title: book.settings.title, description: description, content: front,
                                                               current: nil, previous: nil, next: links.first)),
        ]
        let extra = blocks.files
        let paths = fixed.map(\.path) + chapters.map(\.file) + extra.map(\.path)
        let rendered = chapters
        return ReportFiles(paths: paths) { position in
            if position < fixed.count { return fixed[position] }
            let index = position - fixed.count
            guard index < rendered.count else { return extra[index - rendered.count] }
            let chapter = rendered[index]
            return OutputFile(path: chapter.file, text: template.page(
                title: chapter.title, description: chapter.description, content: chapter.html, current: index,
                previous: index > 0 ? links[index - 1] : PageTemplate.Link(title: "Contents", href: "index.html"),
                next: index + 1 < links.count ? links[index + 1] : nil))
        }
    }
}
