import Foundation

/// Text for search and descriptions out of HTML we wrote: tags dropped, the escapes we use
/// undone, runs of white space made one space.
enum PlainText {
    static func fromHTML(_ html: String) -> String {
        var text = "", inTag = false
        for character in html {
            switch character {
            case "<": inTag = true; text += " "
            case ">" where inTag: inTag = false
            default: if !inTag { text.append(character) }
            }
        }
        if text.contains("&") {
            for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
                text = text.replacingOccurrences(of: entity, with: character)
            }
        }
        return collapsed(text)
    }

    /// White space runs as one space, no space at the ends.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// At most `limit` characters, cut at a word boundary with an ellipsis.
    static func truncated(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        let prefix = text.prefix(limit)
        let cut = prefix.lastIndex(of: " ").map { prefix[..<$0] } ?? prefix
        return cut + "…"
    }
}
