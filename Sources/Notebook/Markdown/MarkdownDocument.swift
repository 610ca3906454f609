import CMark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A Markdown document parsed by cmark-gfm with the GitHub extensions (tables, strikethrough,
/// autolinks, task lists, footnotes). Owns the cmark parser and node tree; not shared across
/// tasks. Notebook reads it for directives and prose; Report renders it to HTML.
public final class MarkdownDocument {
    private let parser: OpaquePointer
    private let rootNode: OpaquePointer

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
        /// Whether a closing fence ends it (cmark runs an unclosed block to the end of the file).
        public let isClosed: Bool
    }

    /// The source's lines, as bytes.
    private let lines: [ArraySlice<UInt8>]

    public init(_ text: String) {
        lines = Array(text.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        _ = MarkdownDocument.registerExtensions
        let parser = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES)!
        for name in ["table", "strikethrough", "autolink", "tasklist"] {
            if let extensionHandle = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionHandle)
            }
        }
        let byteCount = text.utf8.count  // cmark takes bytes, not characters
        text.withCString { cmark_parser_feed(parser, $0, byteCount) }
        self.parser = parser
        rootNode = cmark_parser_finish(parser)
    }

    deinit {
        cmark_node_free(rootNode)
        cmark_parser_free(parser)
    }

    /// Fills cmark's process-wide extension registry once, before any concurrent use.
    private static let registerExtensions: Void = cmark_gfm_core_extensions_ensure_registered()

    /// Every fenced code block, in document order.
    public var fencedCodeBlocks: [FencedCodeBlock] {
        nodes(ofType: "code_block").compactMap { node in
            var length: Int32 = 0, offset: Int32 = 0
            var character: CChar = 0
            guard cmark_node_get_fenced(node, &length, &offset, &character) != 0 else { return nil }
            let start = Int(cmark_node_get_start_line(node)), end = Int(cmark_node_get_end_line(node))
            let column = Int(cmark_node_get_start_column(node))
            return FencedCodeBlock(info: string(cmark_node_get_fence_info(node)), literal: string(cmark_node_get_literal(node)),
                                   line: start, column: column,
                                   isClosed: end > start && isClosingFence(line: end, column: column, character: UInt8(bitPattern: character),
                                                                           length: Int(length)))
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

    /// Whether source line `line` is a fence of at least `length` `character`s, indented by at
    /// most three spaces, with only spaces after it. In a block quote or a list the line starts
    /// with its containers' marks (`> `, an item's indent) up to the opening fence's `column`:
    /// those are skipped.
    private func isClosingFence(line: Int, column: Int, character: UInt8, length: Int) -> Bool {
        guard line >= 1, line <= lines.count else { return false }
        var text = lines[line - 1]
        if text.last == UInt8(ascii: "\r") { text = text.dropLast() }
        let containers = text.prefix(column - 1)
        if containers.allSatisfy({ [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ">")].contains($0) }) {
            text = text.dropFirst(containers.count)
        }
        let indent = text.prefix { $0 == UInt8(ascii: " ") }.count
        guard indent <= 3 else { return false }
        let fence = text.dropFirst(indent).prefix { $0 == character }.count
        return fence >= length && text.dropFirst(indent + fence).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// Where code and raw HTML are in the source: nothing there is prose, so no math, inline
    /// value or cross-reference is read inside. Block-level ones cover whole lines.
    public var literalRegions: [SourceRegion] {
        var regions = [SourceRegion]()
        for type in ["code_block", "html_block", "code", "html_inline"] {
            for node in nodes(ofType: type) {
                let startLine = Int(cmark_node_get_start_line(node)), endLine = Int(cmark_node_get_end_line(node))
                guard startLine > 0, endLine >= startLine else { continue }
                let isBlock = type.hasSuffix("_block")
                regions.append(SourceRegion(startLine: startLine, startColumn: isBlock ? 1 : Int(cmark_node_get_start_column(node)),
                                            endLine: endLine, endColumn: isBlock ? Int.max : Int(cmark_node_get_end_column(node))))
            }
        }
        return regions.sorted { ($0.startLine, $0.startColumn) < ($1.startLine, $1.startColumn) }
    }

    /// A stretch of source from one line and 1-based byte column to another, both ends included.
    public struct SourceRegion: Sendable, Hashable {
        public let startLine: Int
        public let startColumn: Int
        public let endLine: Int
        public let endColumn: Int

        /// Whether the 1-based byte `column` of `line` lies inside.
        public func contains(line: Int, column: Int) -> Bool {
            (startLine, startColumn) <= (line, column) && (line, column) <= (endLine, endColumn)
        }
    }

    /// The root of cmark's tree and the parser's extensions, for a renderer. The pointers live
    /// as long as the document.
    public var root: OpaquePointer { rootNode }
    public var syntaxExtensions: UnsafeMutablePointer<cmark_llist>? { cmark_parser_get_syntax_extensions(parser) }

    // MARK: Tree walking

    /// Every node of a type ("heading", "paragraph", …) under `start` (default: the root), in
    /// document order.
    public func nodes(ofType type: String, under start: OpaquePointer? = nil) -> [OpaquePointer] {
        var found = [OpaquePointer]()
        let iterator = cmark_iter_new(start ?? rootNode)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            if string(cmark_node_get_type_string(node)) == type { found.append(node) }
        }
        return found
    }

    /// The text of a node and its descendants without markup; line breaks become spaces.
    public func plainText(of node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch string(cmark_node_get_type_string(child)) {
            case "text", "code": text += string(cmark_node_get_literal(child))
            case "softbreak", "linebreak": text += " "
            // Blocks inside (list items, table cells) are separate words.
            case "paragraph", "item", "table_cell", "heading": if !text.isEmpty, text.last != " " { text += " " }
            default: break
            }
        }
        return text
    }

    /// A node's type name: "heading", "paragraph", "code_block", "html_block", …
    public func kind(of node: OpaquePointer) -> String { string(cmark_node_get_type_string(node)) }

    /// A node's literal text (code, raw HTML, text); empty for containers.
    public func literal(of node: OpaquePointer) -> String { string(cmark_node_get_literal(node)) }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
