import CMark
import Notebook
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// cmark-gfm's HTML renderer, for a whole document or one node of it.
enum MarkdownHTML {
    /// HTML of `node` and what is under it. `allowRawHTML` keeps raw HTML as written (chapters,
    /// and the directives' output put into them); otherwise cmark leaves a comment in its place.
    static func render(_ node: OpaquePointer, of document: MarkdownDocument, allowRawHTML: Bool = true) -> String {
        let options = CMARK_OPT_FOOTNOTES | (allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT)
        guard let rendered = cmark_render_html(node, options, document.syntaxExtensions) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// HTML of a short Markdown text from `book.yml` (the abstract): no raw HTML.
    static func render(_ text: String) -> String {
        let document = MarkdownDocument(text)
        return render(document.root, of: document, allowRawHTML: false)
    }
}
