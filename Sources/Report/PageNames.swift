import Notebook

/// The pages the report writes besides one per chapter. A chapter file must not take one of
/// their names, or its page would silently overwrite (or be overwritten by) the generated one.
public enum PageNames {
    /// Slugs of generated pages: `index.html` is the book's contents page.
    public static let generated: Set<String> = ["index"]

    /// Every chapter whose page would collide with a generated page, as diagnostics.
    public static func check(_ book: Book) throws {
        let problems = book.chapters.filter { generated.contains($0.slug.lowercased()) }.map { chapter in
            Diagnostic(at: SourceLocation(file: chapter.displayPath, line: 1),
                       "a chapter cannot be named '\(chapter.slug).md': its page would replace the report's own '\(chapter.slug.lowercased()).html' (the contents page); rename the file, e.g. '00-\(chapter.slug.lowercased()).md'")
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
    }
}
