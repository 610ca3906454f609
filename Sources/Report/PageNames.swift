import Notebook

/// The pages the report writes: one per chapter, named after its file, and the generated ones.
/// A chapter file must not take a generated page's name, or its page would silently overwrite
/// (or be overwritten by) it; and its name must make a file name and a link.
public enum PageNames {
    /// Slugs of generated pages: `index.html` is the book's contents page.
    public static let generated: Set<String> = ["index"]

    /// The most chapters a book may have: beyond it a book is more likely a mistake (a folder
    /// of generated files) than a book, and its contents page alone would be unreadable.
    public static let maximumChapters = 2_000

    /// The longest chapter file name, in bytes: its page adds to it, and file systems allow 255.
    public static let maximumFileNameBytes = 200

    /// The page file of a chapter: "01-teacher.html".
    static func file(for slug: String) -> String { "\(slug).html" }

    /// The same page as a relative link, percent-encoded.
    static func href(for slug: String) -> String { file(for: slug).percentEncodedPath }

    /// Every chapter whose page would collide with a generated page, or whose file name holds
    /// a control character or is too long for its page, as diagnostics.
    public static func check(_ book: Book) throws {
        if book.chapters.count > maximumChapters {
            throw Diagnostic(at: nil, "the book has \(ValueFormat.grouped(book.chapters.count)) chapters; a book is limited to \(ValueFormat.grouped(maximumChapters)) (split it into several books, or merge short chapters)")
        }
        let problems = book.chapters.compactMap { chapter -> Diagnostic? in
            let at = SourceLocation(file: chapter.displayPath, line: 1)
            let name = "\(chapter.slug).md"
            if generated.contains(chapter.slug.lowercased()) {
                return Diagnostic(at: at, "a chapter cannot be named '\(name)': its page would replace the report's own '\(chapter.slug.lowercased()).html' (the contents page); rename the file, e.g. '00-\(chapter.slug.lowercased()).md'")
            }
            if chapter.slug.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
                return Diagnostic(at: at, "the chapter's file name '\(name)' holds a control character (a tab, a line break or the like); rename the file")
            }
            if name.utf8.count > maximumFileNameBytes {
                return Diagnostic(at: at, "the chapter's file name is \(name.utf8.count) bytes long; chapter file names are limited to \(maximumFileNameBytes) bytes, so that their pages can be written; rename the file")
            }
            return nil
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
    }
}
