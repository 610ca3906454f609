import Notebook

/// The HTML shell every page shares: head, the book's sidebar (a menu on phones, opened without
/// script), the content, previous/next links.
struct PageTemplate: Sendable {
    struct Link: Sendable {
        let title: String
        let href: String
    }

    let book: BookSettings
    let chapters: [RenderedChapter]
    /// The page's `<head>` extras: the stylesheet and scripts, linked or inline.
    let assets: String

    /// - Parameter current: the chapter shown (its sections open in the sidebar); nil for the
    ///   front page.
    func page(title: String, description: String, content: String, current: Int?, previous: Link?, next: Link?) -> String {
        let pageTitle = title == book.title ? book.title : "\(title) · \(book.title)"
        let previousLink = previous.map { "<a class=\"prev\" rel=\"prev\" href=\"\($0.href.htmlEscaped)\"><span class=\"pager-label\">Previous</span> \($0.title.htmlEscaped)</a>" } ?? "<span></span>"
        let nextLink = next.map { "<a class=\"next\" rel=\"next\" href=\"\($0.href.htmlEscaped)\"><span class=\"pager-label\">Next</span> \($0.title.htmlEscaped)</a>" } ?? "<span></span>"
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(pageTitle.htmlEscaped)</title>
        <meta name="description" content="\(description.htmlEscaped)">
        <meta name="color-scheme" content="light dark">
        \(assets)
        </head>
        <body>
        <a class="skip-link" href="#content">Skip to the text</a>
        <input type="checkbox" id="menu-toggle" class="menu-toggle" aria-label="Show the book's contents">
        <header class="topbar"><label for="menu-toggle" class="menu-button">☰ Contents</label><a class="topbar-title" href="index.html">\(book.title.htmlEscaped)</a></header>
        \(sidebar(current: current))
        <main id="content">
        \(content)
        </main>
        <nav class="pager" aria-label="Previous and next chapter">\(previousLink)\(nextLink)</nav>
        </body>
        </html>

        """
    }

    /// The most chapters a sidebar lists. A longer book's sidebar lists this many around the
    /// current chapter and links to the contents page for the others, so that a page's size
    /// stays proportional to the page, not to the book (every page of a book of 10,000
    /// chapters listing all of them made the report grow with the square of the book).
    static let sidebarChapters = 100

    /// A link to the contents for the chapters the sidebar leaves out before or after its list.
    private func more(before count: Int) -> String {
        count == 0 ? "" : "<p class=\"more-chapters\"><a href=\"index.html#contents\">\(ValueFormat.grouped(count)) earlier chapters</a></p>\n"
    }

    private func more(after count: Int) -> String {
        count == 0 ? "" : "\n<p class=\"more-chapters\"><a href=\"index.html#contents\">\(ValueFormat.grouped(count)) later chapters</a></p>"
    }

    /// The chapters the sidebar lists: all, or a window of `sidebarChapters` around `current`.
    static func sidebarRange(count: Int, current: Int?) -> Range<Int> {
        guard count > sidebarChapters else { return 0..<count }
        let start = min(max(0, (current ?? 0) - sidebarChapters / 2), count - sidebarChapters)
        return start..<(start + sidebarChapters)
    }

    private func sidebar(current: Int?) -> String {
        let shown = Self.sidebarRange(count: chapters.count, current: current)
        let items = zip(shown, chapters[shown]).map { index, chapter in
            let isCurrent = index == current
            var item = "<li><a href=\"\(chapter.href.htmlEscaped)\"\(isCurrent ? " aria-current=\"page\"" : "")>\(chapter.title.htmlEscaped)</a>"
            let sections = chapter.sections.filter { $0.level == 2 }
            if isCurrent, !sections.isEmpty {
                item += "<ol class=\"sections\">" + sections.map {
                    "<li><a href=\"#\($0.id.htmlEscaped)\">\($0.title.htmlEscaped)</a></li>"
                }.joined() + "</ol>"
            }
            return item + "</li>"
        }
        return """
        <nav class="sidebar" aria-label="Book">
        <a class="book-title" href="index.html"\(current == nil ? " aria-current=\"page\"" : "")>\(book.title.htmlEscaped)</a>
        <div id="search-box" class="search" role="search" hidden>
        <label for="search">Search the book</label>
        <input type="search" id="search" autocomplete="off" spellcheck="false">
        <ol id="search-results" aria-live="polite"></ol>
        </div>
        \(more(before: shown.lowerBound))<ol class="chapters"\(shown.lowerBound > 0 ? " start=\"\(shown.lowerBound + 1)\"" : "")>
        \(items.joined(separator: "\n"))
        </ol>\(more(after: chapters.count - shown.upperBound))
        </nav>
        """
    }
}
