import Notebook

/// The front page's content: title, subtitle, authors and abstract from `book.yml`, then the
/// contents — every chapter with its sections.
enum FrontPage {
    static func html(_ settings: BookSettings, chapters: [RenderedChapter]) -> String {
        var html = "<header class=\"title-block\" id=\"top\">\n<h1>\(settings.title.htmlEscaped)</h1>\n"
        if let subtitle = settings.subtitle { html += "<p class=\"subtitle\">\(subtitle.htmlEscaped)</p>\n" }
        if !settings.authors.isEmpty {
            html += "<p class=\"authors\">\(settings.authors.map(\.htmlEscaped).joined(separator: ", "))</p>\n"
        }
        html += "</header>\n"
        if let abstract = settings.abstract {
            html += "<section class=\"abstract\" aria-labelledby=\"abstract-heading\">\n<h2 id=\"abstract-heading\">Abstract</h2>\n\(MarkdownHTML.render(abstract))</section>\n"
        }
        let items = chapters.map { chapter in
            let sections = chapter.sections.filter { $0.level == 2 }.map {
                "<li><a href=\"\(chapter.href.htmlEscaped)#\($0.id.htmlEscaped)\">\($0.title.htmlEscaped)</a></li>"
            }
            let list = sections.isEmpty ? "" : "\n<ol class=\"toc-sections\">\(sections.joined())</ol>"
            return "<li><a href=\"\(chapter.href.htmlEscaped)\">\(chapter.title.htmlEscaped)</a>\(list)</li>"
        }
        return html + "<h2 id=\"contents\">Contents</h2>\n<ol class=\"toc\">\n\(items.joined(separator: "\n"))\n</ol>"
    }
}
