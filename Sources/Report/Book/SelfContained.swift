import Foundation

/// The whole book as one HTML file to mail or attach: chapters one after another, the
/// stylesheet and script inline, images and downloads as `data:` URIs, links between pages
/// turned into links within the page.
enum SelfContained {
    /// - Parameters:
    ///   - page: the finished one-page HTML, still linking to chapter pages and files.
    ///   - chapterPages: the chapters' page links ("01-teacher.html", percent-encoded); each
    ///     chapter's section has the link without ".html" as id.
    ///   - files: figures and downloads, by path ("figures/x.png").
    static func inline(_ page: String, chapterPages: [String], files: [OutputFile]) -> String {
        var html = linksWithinPage(page, chapterPages: chapterPages)
        for file in files {
            let uri = "data:\(mediaType(of: file.path));base64,\(Data(file.bytes).base64EncodedString())"
            html = html.replacingOccurrences(of: "=\"\(file.path.htmlEscaped)\"", with: "=\"\(uri)\"")
        }
        return html
    }

    /// `"01-teacher.html#x"` → `"#x"`, `"01-teacher.html"` → `"#01-teacher"`, `"index.html"` →
    /// `"#top"`, in attributes and in the search index alike.
    static func linksWithinPage(_ text: String, chapterPages: [String]) -> String {
        var out = text.replacingOccurrences(of: "\"index.html\"", with: "\"#top\"")
        for page in chapterPages {
            let slug = String(page.dropLast(".html".count))
            out = out.replacingOccurrences(of: "\"\(page)#", with: "\"#")
                .replacingOccurrences(of: "\"\(page)\"", with: "\"#\(slug)\"")
        }
        return out
    }

    static func mediaType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "png": "image/png"
        case "csv": "text/csv"
        default: "application/octet-stream"
        }
    }
}
