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
        var uris = [String: String]()
        for file in files {
            uris[file.path.htmlEscaped] = "data:\(mediaType(of: file.path));base64,\(Data(file.bytes).base64EncodedString())"
        }
        return rewrite(page, chapterPages: chapterPages, files: uris)
    }

    /// `"01-teacher.html#x"` → `"#x"`, `"01-teacher.html"` → `"#01-teacher"`, `"index.html"` →
    /// `"#top"` (and `"index.html#x"` → `"#x"`), in attributes and in the search index alike.
    static func linksWithinPage(_ text: String, chapterPages: [String]) -> String {
        rewrite(text, chapterPages: chapterPages, files: [:])
    }

    /// One pass over the page: after each double quote, the text up to the next quote or `#`
    /// is looked up among the chapter pages and (after `="`) the files. Replacing each page's
    /// and file's name over the whole page in turn took time in the product of the two.
    private static func rewrite(_ text: String, chapterPages: [String], files: [String: String]) -> String {
        var pages = ["index.html": "#top"]
        for page in chapterPages { pages[page] = "#" + page.dropLast(".html".count) }
        let longest = (pages.keys.map(\.utf8.count) + files.keys.map(\.utf8.count)).max() ?? 0
        let quote = UInt8(ascii: "\""), hash = UInt8(ascii: "#"), equals = UInt8(ascii: "=")
        let bytes = Array(text.utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            out.append(byte)
            index += 1
            guard byte == quote else { continue }
            var end = index
            while end < bytes.count, end - index <= longest, bytes[end] != quote, bytes[end] != hash { end += 1 }
            guard end < bytes.count, end - index <= longest else { continue }
            let token = String(decoding: bytes[index..<end], as: UTF8.self)
            if let target = pages[token] {
                if bytes[end] == quote { out.append(contentsOf: target.utf8) }  // else "#…" follows as it is
                index = end
            } else if bytes[end] == quote, index >= 2, bytes[index - 2] == equals, let uri = files[token] {
                out.append(contentsOf: uri.utf8)
                index = end
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func mediaType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "png": "image/png"
        case "csv": "text/csv"
        default: "application/octet-stream"
        }
    }
}
