import Notebook

/// Turns directive output blocks into HTML, numbering figures and tables through the book.
struct BlockRenderer {
    private(set) var figureCount = 0
    private(set) var tableCount = 0
    /// Image files the figures refer to.
    private(set) var files: [OutputFile] = []

    /// HTML for all blocks of directive `name`.
    mutating func render(_ blocks: [OutputBlock], of name: String) -> String {
        blocks.enumerated().map { index, block in
            let id = index == 0 ? name : "\(name)-\(index + 1)"
            switch block {
            case .figure(let figure): return render(figure, id: id)
            case .table(let table): return render(table, id: id)
            }
        }.joined(separator: "\n")
    }

    private mutating func render(_ figure: Figure, id: String) -> String {
        figureCount += 1
        let path = "figures/\(figure.fileName)"
        files.append(OutputFile(path: path, bytes: figure.png))
        return """
        <figure class="figure" id="\(id.htmlEscaped)">
        <img src="\(path.htmlEscaped)" width="\(figure.width)" height="\(figure.height)" alt="\(figure.alt.htmlEscaped)">
        <figcaption><span class="label">Figure \(figureCount).</span> \(figure.caption.htmlEscaped)</figcaption>
        </figure>
        """
    }

    private mutating func render(_ table: Table, id: String) -> String {
        tableCount += 1
        func cell(_ tag: String, _ text: String, _ alignment: Table.Alignment) -> String {
            let attribute = alignment == .trailing ? " class=\"num\"" : ""
            return "<\(tag)\(attribute)>\(text.htmlEscaped)</\(tag)>"
        }
        let header = zip(table.header, table.alignments).map { cell("th", $0, $1) }.joined()
        let rows = table.rows.map { row in
            "<tr>" + zip(row, table.alignments).map { cell("td", $0, $1) }.joined() + "</tr>"
        }.joined(separator: "\n")
        return """
        <figure class="table" id="\(id.htmlEscaped)">
        <figcaption><span class="label">Table \(tableCount).</span> \(table.caption.htmlEscaped)</figcaption>
        <table>
        <thead><tr>\(header)</tr></thead>
        <tbody>
        \(rows)
        </tbody>
        </table>
        </figure>
        """
    }
}
