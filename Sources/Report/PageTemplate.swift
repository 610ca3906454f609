/// The HTML shell every page shares: head, book header, content, previous/next navigation.
struct PageTemplate {
    struct Link {
        let title: String
        let href: String
    }

    let bookTitle: String

    func page(title: String, content: String, previous: Link?, next: Link?) -> String {
        let pageTitle = title == bookTitle ? bookTitle : "\(title) · \(bookTitle)"
        let previousLink = previous.map { "<a class=\"prev\" rel=\"prev\" href=\"\($0.href.htmlEscaped)\">← \($0.title.htmlEscaped)</a>" } ?? "<span></span>"
        let nextLink = next.map { "<a class=\"next\" rel=\"next\" href=\"\($0.href.htmlEscaped)\">\($0.title.htmlEscaped) →</a>" } ?? "<span></span>"
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(pageTitle.htmlEscaped)</title>
        <link rel="stylesheet" href="style.css">
        </head>
        <body>
        <header class="book-header"><a href="index.html">\(bookTitle.htmlEscaped)</a></header>
        <main>
        \(content)
        </main>
        <nav class="pager" aria-label="Chapters">\(previousLink)\(nextLink)</nav>
        </body>
        </html>

        """
    }
}
