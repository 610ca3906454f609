import Foundation
import CMark
import Notebook

/// A chapter rendered to HTML, with what the book's navigation and search need from it.
struct RenderedChapter: Sendable {
    struct Section: Sendable {
        let level: Int
        let title: String
        let id: String
    }

    /// The chapter's page file, e.g. "01-teacher.html".
    let file: String
    /// The page as a link (percent-encoded).
    let href: String
    let title: String
    /// Its headings below the title (levels 2 and 3), for the contents and the sidebar.
    let sections: [Section]
    let html: String
    /// The first paragraph's text, shortened: the page's meta description.
    let description: String
    /// Searchable text: one entry per heading's stretch of the page.
    let searchEntries: [SearchEntry]
}

/// Renders a chapter's filled-in Markdown: directive blocks replaced by their output, headings
/// given ids and hover anchors, footnote ids made unique in the book, formulas put back.
struct ChapterRenderer {
    let formulas: Formulas
    let chapterIndex: Int
    let slug: String

    /// - Parameter replacements: HTML for each directive, by the line of its opening fence.
    func render(_ source: String, replacements: [Int: String], ids: inout AnchorIDs) -> RenderedChapter {
        let document = MarkdownDocument(source)
        for node in document.nodes(ofType: "code_block") {
            guard let html = replacements[Int(cmark_node_get_start_line(node))] else { continue }
            replace(node, withHTML: html)
        }
        var title: String?
        var sections = [RenderedChapter.Section]()
        var searchEntries = [SearchEntry]()
        var description = ""
        let page = PageNames.href(for: slug)
        var entry = SearchEntry(chapter: "", title: "", href: page, text: "")
        var child = cmark_node_first_child(document.root)
        while let node = child {
            child = cmark_node_next(node)
            switch document.kind(of: node) {
            case "heading":
                let level = Int(cmark_node_get_heading_level(node))
                let text = PlainText.collapsed(formulas.plain(document.plainText(of: node), chapter: chapterIndex))
                let id = ids.unique(for: text)
                if level == 1, title == nil { title = text } else if level <= 3 { sections.append(.init(level: level, title: text, id: id)) }
                if !entry.text.isEmpty || !entry.title.isEmpty { searchEntries.append(entry) }
                entry = SearchEntry(chapter: "", title: text, href: "\(page)#\(id)", text: "")
                replace(node, withHTML: heading(node, level: level, id: id, document: document))
            case "html_block":
                entry.append(PlainText.fromHTML(document.literal(of: node)))
            default:
                let text = PlainText.collapsed(formulas.plain(document.plainText(of: node), chapter: chapterIndex))
                if description.isEmpty, document.kind(of: node) == "paragraph" {
                    description = PlainText.truncated(text, to: 160)
                }
                entry.append(text)
            }
        }
        searchEntries.append(entry)
        let pageTitle = title ?? slug
        for index in searchEntries.indices {
            searchEntries[index].chapter = pageTitle
            if searchEntries[index].title.isEmpty { searchEntries[index].title = pageTitle }
        }
        let html = formulas.substitute(in: uniqueFootnoteIDs(MarkdownHTML.render(document.root, of: document)), chapter: chapterIndex)
        return RenderedChapter(file: PageNames.file(for: slug), href: page, title: pageTitle, sections: sections, html: html,
                               description: description.isEmpty ? pageTitle : description, searchEntries: searchEntries)
    }

    /// `<h2 id="…">…<a class="anchor" href="#…">#</a></h2>`: cmark writes headings without ids.
    private func heading(_ node: OpaquePointer, level: Int, id: String, document: MarkdownDocument) -> String {
        var inner = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            child = cmark_node_next(current)
            inner += MarkdownHTML.render(current, of: document)
        }
        return "<h\(level) id=\"\(id.htmlEscaped)\">\(inner) <a class=\"anchor\" href=\"#\(id.htmlEscaped)\" aria-label=\"Link to this section\">#</a></h\(level)>"
    }

    private func replace(_ node: OpaquePointer, withHTML html: String) {
        let block = cmark_node_new(CMARK_NODE_HTML_BLOCK)
        cmark_node_set_literal(block, html)
        cmark_node_insert_before(node, block)
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// cmark names footnotes "fn-1", "fnref-1" on every page; the one-page book holds all
    /// chapters, so each chapter's get its slug.
    private func uniqueFootnoteIDs(_ html: String) -> String {
        guard html.contains("\"fn") else { return html }
        var out = html
        for prefix in ["fn-", "fnref-"] {
            out = out.replacingOccurrences(of: "id=\"\(prefix)", with: "id=\"\(prefix)\(slug)-")
                .replacingOccurrences(of: "href=\"#\(prefix)", with: "href=\"#\(prefix)\(slug)-")
        }
        return out
    }
}
