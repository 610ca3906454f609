/// Hands out `id`s that are unique through the whole book, so a heading's anchor never collides
/// with a figure's, another chapter's (the one-page book holds them all) or a generated one.
struct AnchorIDs {
    private var used: Set<String>
    /// The suffix to try first for each base: every one below it is taken (a book of 20,000
    /// headings "Same" would otherwise try "-2", "-3", … from the start each time).
    private var nextSuffix: [String: Int] = [:]

    /// - Parameter reserved: ids already taken (figures, tables, chapters).
    init(reserved: Set<String>) {
        used = reserved
    }

    /// A new id for a heading's text: lower-case words joined by hyphens ("Soft targets, T = 4"
    /// → "soft-targets-t-4"), with "-2", "-3"… when it is taken.
    mutating func unique(for text: String) -> String {
        let base = Self.slug(text)
        var suffix = nextSuffix[base] ?? 1
        var candidate = suffix == 1 ? base : "\(base)-\(suffix)"
        while used.contains(candidate) {
            suffix += 1
            candidate = "\(base)-\(suffix)"
        }
        used.insert(candidate)
        nextSuffix[base] = suffix
        return candidate
    }

    static func slug(_ text: String) -> String {
        var slug = "", pendingHyphen = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingHyphen, !slug.isEmpty { slug += "-" }
                slug.append(character)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        return slug.isEmpty ? "section" : slug
    }
}
