import Notebook

/// Puts computed values and cross-reference links into a chapter's Markdown source, in place of
/// `{{ name.field | format }}` and `@name`, before the Markdown is rendered. Lines keep their
/// count, so directive blocks are still found by their line.
enum ProseFiller {
    static func fill(_ source: String, references: [ProseReference], results: [String: DirectiveResult],
                     blocks: BlockRenderer) -> String {
        guard !references.isEmpty else { return source }
        var lines = source.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        // Right to left within a line, so earlier byte ranges stay valid.
        for reference in references.sorted(by: { ($0.line, $0.bytes.lowerBound) > ($1.line, $1.bytes.lowerBound) }) {
            let replacement: String
            switch reference.content {
            case let .value(field, format):
                let text = results[reference.name]?.fields[field].map(format.format) ?? "??"
                replacement = markdownEscaped(text)
            case .crossReference:
                guard let target = blocks.target(of: reference.name) else { continue }
                replacement = "<a class=\"xref\" href=\"\(target.href.htmlEscaped)\">\(target.label)</a>"
            }
            lines[reference.line - 1].replaceSubrange(reference.bytes, with: Array(replacement.utf8))
        }
        return String(decoding: Array(lines.joined(separator: [UInt8(ascii: "\n")])), as: UTF8.self)
    }

    /// Text that Markdown shows as it is: every ASCII punctuation mark backslash-escaped.
    static func markdownEscaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars.contains(scalar) {
                out.append("\\")
            }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
