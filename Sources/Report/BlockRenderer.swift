import Foundation
import Notebook

/// Turns directive output blocks into HTML. Figures and tables are numbered through the book in
/// reading order, before any page is rendered, so that `@name` can point forward.
struct BlockRenderer {
    /// "Figure 3" and the page of each numbered block, by anchor id.
    private var labels: [String: (label: String, page: String)] = [:]
    /// The anchor of each directive's first numbered block: what `@name` links to.
    private var firstNumbered: [String: String] = [:]
    /// Image and data files the blocks refer to.
    private(set) var files: [OutputFile] = []

    /// Numbers every figure and table of the plan's chapters (`pages[i]` is chapter i's file).
    init(_ plan: BuildPlan, results: [String: DirectiveResult], pages: [String]) {
        var figures = 0, tables = 0
        for (chapter, invocations) in plan.parsed.invocations.enumerated() {
            for invocation in invocations {
                for (index, block) in (results[invocation.name]?.blocks ?? []).enumerated() {
                    let id = Self.anchor(invocation.name, index)
                    switch block {
                    case .figure: figures += 1; labels[id] = ("Figure \(figures)", pages[chapter])
                    case .table: tables += 1; labels[id] = ("Table \(tables)", pages[chapter])
                    case .downloads, .failure: continue
                    }
                    if firstNumbered[invocation.name] == nil { firstNumbered[invocation.name] = id }
                }
            }
        }
    }

    /// Every block's anchor id.
    var anchors: Set<String> { Set(labels.keys) }

    /// The anchor of a directive's block: its name for the first, "name-2"… for the others.
    static func anchor(_ name: String, _ index: Int) -> String {
        index == 0 ? name : "\(name)-\(index + 1)"
    }

    /// The first numbered block of directive `name`: what `@name` links to.
    func target(of name: String) -> (href: String, label: String)? {
        guard let id = firstNumbered[name], let entry = labels[id] else { return nil }
        return ("\(entry.page)#\(id)", entry.label)
    }

    /// HTML for all blocks of a directive, with its source folded underneath when `echo` is set.
    mutating func render(_ blocks: [OutputBlock], of invocation: DirectiveInvocation, echo: Bool) -> String {
        var html = blocks.enumerated().map { index, block in
            let id = Self.anchor(invocation.name, index)
            switch block {
            case .figure(let figure): return render(figure, id: id)
            case .table(let table): return render(table, id: id)
            case .downloads(let downloads): return render(downloads)
            case .failure(let message):
                return "<div class=\"directive-failure\" role=\"alert\"><p><strong>{\(invocation.kind.htmlEscaped)} \(invocation.name.htmlEscaped) failed</strong></p><pre>\(message.htmlEscaped)</pre></div>"
            }
        }
        if echo {
            let source = "```{\(invocation.kind)} \(invocation.name)\n\(invocation.yaml)```"
            html.append("<details class=\"source\"><summary>Source of {\(invocation.kind.htmlEscaped)} \(invocation.name.htmlEscaped)</summary>\n<pre><code>\(source.htmlEscaped)</code></pre>\n</details>")
        }
        return html.joined(separator: "\n")
    }

    private mutating func render(_ figure: Figure, id: String) -> String {
        let path = "figures/\(figure.fileName)"
        files.append(OutputFile(path: path, bytes: figure.png))
        return """
        <figure class="figure" id="\(id.htmlEscaped)" style="--figure-width: \(figure.width)px">
        <a class="full-size" href="\(path.htmlEscaped)"><img src="\(path.htmlEscaped)" width="\(figure.width)" height="\(figure.height)" alt="\(figure.alt.htmlEscaped)"></a>
        <figcaption><span class="label">\(labels[id]?.label ?? "Figure").</span> \(figure.caption.htmlEscaped)</figcaption>
        </figure>
        """
    }

    /// A table with its data offered as CSV, `data/tables/<anchor>.csv`.
    private mutating func render(_ table: Table, id: String) -> String {
        let csvPath = "data/tables/\(id).csv"
        files.append(OutputFile(path: csvPath, text: table.csv))
        func cell(_ tag: String, _ text: String, _ alignment: Table.Alignment) -> String {
            let attribute = alignment == .trailing ? " class=\"num\"" : ""
            return "<\(tag)\(attribute)>\(Self.cellHTML(text))</\(tag)>"
        }
        let header = zip(table.header, table.alignments).map { cell("th", $0, $1) }.joined()
        let rows = table.rows.map { row in
            "<tr>" + zip(row, table.alignments).map { cell("td", $0, $1) }.joined() + "</tr>"
        }.joined(separator: "\n")
        return """
        <figure class="table" id="\(id.htmlEscaped)">
        <figcaption><span class="label">\(labels[id]?.label ?? "Table").</span> \(table.caption.htmlEscaped) <a class="table-data" href="\(csvPath.htmlEscaped)" download="\(id.htmlEscaped).csv">CSV</a></figcaption>
        <table>
        <thead><tr>\(header)</tr></thead>
        <tbody>
        \(rows)
        </tbody>
        </table>
        </figure>
        """
    }

    private mutating func render(_ downloads: [Download]) -> String {
        let items = downloads.map { download in
            let path = "data/\(download.fileName)"
            files.append(OutputFile(path: path, bytes: download.bytes))
            return "<li><a href=\"\(path.htmlEscaped)\" download=\"\(download.fileName.htmlEscaped)\">\(download.fileName.htmlEscaped)</a> — \(download.description.htmlEscaped) (\(Self.size(download.bytes.count)))</li>"
        }
        return "<ul class=\"downloads\">\n\(items.joined(separator: "\n"))\n</ul>"
    }

    /// A cell's text: a value with its interval ("96.4% [95.8, 97.1]") may wrap between the
    /// two, never inside either, and a directive's name after an underscore, so wide tables
    /// can fit the page.
    static func cellHTML(_ text: String) -> String {
        guard let open = text.range(of: " ["), text.hasSuffix("]") else {
            let escaped = text.htmlEscaped
            return escaped.contains("_") ? escaped.replacingOccurrences(of: "_", with: "_<wbr>") : escaped
        }
        let value = String(text[..<open.lowerBound]), interval = String(text[open.upperBound...].dropLast())
        return "<span class=\"keep\">\(value.htmlEscaped)</span> <span class=\"keep\">[\(interval.htmlEscaped)]</span>"
    }

    /// 1234 → "1.2 kB".
    static func size(_ bytes: Int) -> String {
        bytes < 1000 ? "\(bytes) bytes" : bytes < 1_000_000 ? String(format: "%.1f kB", Double(bytes) / 1000)
            : String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }
}
