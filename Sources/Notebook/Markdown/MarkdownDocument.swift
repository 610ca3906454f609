import CMark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A Markdown document parsed by cmark-gfm with the GitHub extensions (tables, strikethrough,
/// autolinks, task lists). Owns the cmark parser and node tree; not shared across tasks.
public final class MarkdownDocument {
    private let parser: OpaquePointer
    private let root: OpaquePointer

    /// A fenced code block and where it is in the text.
    public struct FencedCodeBlock: Sendable, Hashable {
        /// The info string after the opening fence, e.g. "{train} teacher".
        public let info: String
        /// The block's content, without the fences.
        public let literal: String
        /// 1-based line of the opening fence.
        public let line: Int
        /// 1-based column of the opening fence.
        public let column: Int
    }

    public init(_ text: String) {
        _ = MarkdownDocument.registerExtensions
        let parser = cmark_parser_new(CMARK_OPT_DEFAULT)!
        for name in ["table", "strikethrough", "autolink", "tasklist"] {
            if let extensionHandle = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionHandle)
            }
        }
        let byteCount = text.utf8.count  // cmark takes bytes, not characters
        text.withCString { cmark_parser_feed(parser, $0, byteCount) }
        self.parser = parser
        root = cmark_parser_finish(parser)
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// Fills cmark's process-wide extension registry once, before any concurrent use.
    private static let registerExtensions: Void = cmark_gfm_core_extensions_ensure_registered()

    /// Every fenced code block, in document order.
    public var fencedCodeBlocks: [FencedCodeBlock] {
        nodes(ofType: "code_block").compactMap { node in
            var length: Int32 = 0, offset: Int32 = 0
            var character: Int32 = 0
            guard cmark_node_get_fenced(node, &length, &character, &offset) != 0 else { return nil }
            return FencedCodeBlock(info: string(cmark_node_get_fence_info(node)), literal: string(cmark_node_get_literal(node)),
                                   line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
        }
    }

    /// Where prose text is in the source: the byte columns of every text node, one line each,
    /// with neighbouring nodes on a line merged. Code, raw HTML and link destinations are not
    /// text, so nothing there is ever read as an inline value or a cross-reference.
    public var textSpans: [TextSpan] {
        var spans = [TextSpan]()
        for node in nodes(ofType: "text") {
            let line = Int(cmark_node_get_start_line(node))
            let start = Int(cmark_node_get_start_column(node)), end = Int(cmark_node_get_end_column(node))
            guard line > 0, start > 0, end >= start, Int(cmark_node_get_end_line(node)) == line else { continue }
            if let last = spans.last, last.line == line, last.endColumn + 1 == start {
                spans[spans.count - 1] = TextSpan(line: line, startColumn: last.startColumn, endColumn: end)
            } else {
                spans.append(TextSpan(line: line, startColumn: start, endColumn: end))
            }
        }
        return spans
    }

    /// A run of prose on one line: 1-based byte columns, both ends included.
    public struct TextSpan: Sendable, Hashable {
        public let line: Int
        public let startColumn: Int
        public let endColumn: Int
    }

    /// The plain text of the first level-1 heading, if any.
    public var firstTitle: String? {
        guard let heading = nodes(ofType: "heading").first(where: { cmark_node_get_heading_level($0) == 1 }) else { return nil }
        return plainText(of: heading)
    }

    /// HTML for the document, with each fenced code block whose opening-fence line is a key of
    /// `replacements` swapped for that raw HTML. Authors' own raw HTML is kept as written.
    public func renderHTML(replacingCodeBlocksAt replacements: [Int: String]) -> String {
        for node in nodes(ofType: "code_block") {
            guard let html = replacements[Int(cmark_node_get_start_line(node))] else { continue }
            let block = cmark_node_new(CMARK_NODE_HTML_BLOCK)
            cmark_node_set_literal(block, html)
            cmark_node_insert_before(node, block)
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        let extensions = cmark_parser_get_syntax_extensions(parser)
        guard let rendered = cmark_render_html(root, CMARK_OPT_UNSAFE, extensions) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    // MARK: Tree walking

    private func nodes(ofType type: String) -> [OpaquePointer] {
        var found = [OpaquePointer]()
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            if string(cmark_node_get_type_string(node)) == type { found.append(node) }
        }
        return found
    }

    private func plainText(of node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch string(cmark_node_get_type_string(child)) {
            case "text", "code": text += string(cmark_node_get_literal(child))
            case "softbreak", "linebreak": text += " "
            default: break
            }
        }
        return text
    }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
