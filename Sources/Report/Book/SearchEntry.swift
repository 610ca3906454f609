/// A stretch of a page the offline search can find: a heading and the text under it.
struct SearchEntry: Encodable, Sendable {
    /// The chapter it is in, shown with the result.
    var chapter: String
    var title: String
    /// Page and anchor, e.g. "02-student.html#capacity".
    var href: String
    var text: String

    mutating func append(_ more: String) {
        guard !more.isEmpty else { return }
        text += text.isEmpty ? more : " " + more
    }
}
