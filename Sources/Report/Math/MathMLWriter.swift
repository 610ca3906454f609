/// Writes `MathNode`s as MathML Core: compact (no white space between elements), with the
/// few attributes that make Chromium space the formula as TeX would.
struct MathMLWriter {
    private(set) var output = ""

    /// The whole `<math>` element, with the TeX as an annotation readers can copy.
    mutating func writeFormula(_ nodes: [MathNode], tex: String, display: Bool) {
        output.reserveCapacity(tex.utf8.count * 8 + 128)
        output += display ? "<math display=\"block\"><semantics>" : "<math><semantics>"
        write(MathNode.row(nodes))
        output += "<annotation encoding=\"application/x-tex\">"
        appendEscaped(tex)
        output += "</annotation></semantics></math>"
    }

    /// TeX's classes after which a binary operator is a sign (`-x`, `a = -b`, `(-1)`).
    private static let beforeSign: [MathAtomClass] = [.bin, .largeOp, .function, .rel, .open, .punct]
    /// Signs MathML's dictionary spaces as prefix operators; other binary operators used as
    /// signs lose their spacing instead.
    private static let prefixForms: Set<String> = ["+", "\u{2212}", "\u{B1}", "\u{2213}"]

    /// Nodes as siblings in the current element. `previous` is TeX's class of what comes before
    /// (nil at the start of a list); `siblingsBefore` counts elements already written in it.
    /// Where MathML Core's rules (an operator's form comes from its position among siblings)
    /// would space differently from TeX, an attribute says what TeX means.
    private mutating func writeRow(_ nodes: [MathNode], previous: MathAtomClass? = nil, siblingsBefore: Int = 0) {
        var previous = previous, siblings = siblingsBefore
        for (index, node) in nodes.enumerated() {
            guard var atomClass = node.atomClass else {
                write(node)
                siblings += 1
                continue
            }
            var extra = [MathAttribute]()
            if atomClass == .bin {
                let isSign = previous.map { Self.beforeSign.contains($0) } ?? true
                if isSign { atomClass = .ord }
                if case .op(let op) = node {
                    if isSign && siblings > 0 {
                        extra = Self.prefixForms.contains(op.text)
                            ? [MathAttribute("form", "prefix")]
                            : [MathAttribute("lspace", "0"), MathAttribute("rspace", "0")]
                    } else if !isSign && siblings == 0 && index < nodes.count - 1 {
                        extra = [MathAttribute("form", "infix")]
                    }
                }
            }
            // TeX puts a thin space between a function name and an ordinary neighbour.
            if atomClass == .function, let previous, [.ord, .close, .inner].contains(previous) {
                write(.space(em: MathSymbols.thinSpace))
                siblings += 1
            }
            if case .primed(let base, let primes) = node {
                // Flat in a row: the base, then the primes.
                write(base)
                write(.op(MathOperator(text: primes, atomClass: .ord)))
                siblings += 2
            } else {
                write(node, extra: extra)
                siblings += 1
            }
            if atomClass == .function, let next = nextClass(in: nodes, after: index) {
                if [.ord, .function, .inner].contains(next) {
                    write(.op(MathOperator(text: "\u{2061}", atomClass: .ord)))
                    write(.space(em: MathSymbols.thinSpace))
                    siblings += 2
                } else if next == .open {
                    write(.op(MathOperator(text: "\u{2061}", atomClass: .ord)))
                    siblings += 1
                }
            }
            previous = atomClass
        }
    }

    /// TeX's class of the first node after `index` that is not a space (a binary operator
    /// there is a sign, so ordinary).
    private func nextClass(in nodes: [MathNode], after index: Int) -> MathAtomClass? {
        for node in nodes[(index + 1)...] {
            if let atomClass = node.atomClass { return atomClass == .bin ? .ord : atomClass }
        }
        return nil
    }

    /// One node; `extra` attributes apply to an operator.
    private mutating func write(_ node: MathNode, extra: [MathAttribute] = []) {
        switch node {
        case .identifier(let text, let upright, _):
            let scalars = text.unicodeScalars
            let normal = upright && scalars.count == 1 && MathAlphabet.isAutoItalic(scalars[scalars.startIndex])
            output += normal ? "<mi mathvariant=\"normal\">" : "<mi>"
            appendEscaped(text)
            output += "</mi>"
        case .number(let text):
            output += "<mn>"
            appendEscaped(text)
            output += "</mn>"
        case .op(let op):
            writeOperator(op.with(extra))
        case .text(let text):
            output += "<mtext>"
            appendEscaped(text)
            output += "</mtext>"
        case .space(let em):
            // Chromium does not draw a negative width; a negative margin pulls neighbours closer.
            output += em.hasPrefix("-") ? "<mspace style=\"margin-left:\(em)\"/>" : "<mspace width=\"\(em)\"/>"
        case .group(let nodes):
            output += "<mrow>"
            writeRow(nodes)
            output += "</mrow>"
        case .fraction(let numerator, let denominator, let lineThickness):
            output += lineThickness.map { "<mfrac linethickness=\"\($0)\">" } ?? "<mfrac>"
            write(numerator)
            write(denominator)
            output += "</mfrac>"
        case .sqrt(let nodes):
            output += "<msqrt>"
            writeRow(nodes)
            output += "</msqrt>"
        case .root(let radicand, let index):
            output += "<mroot>"
            write(radicand)
            write(index)
            output += "</mroot>"
        case .scripts(let base, let sub, let sup, let limits):
            let tag = switch (sub != nil, sup != nil, limits) {
            case (true, false, false): "msub"
            case (false, _, false): "msup"
            case (true, true, false): "msubsup"
            case (true, false, true): "munder"
            case (false, _, true): "mover"
            case (true, true, true): "munderover"
            }
            output += "<\(tag)>"
            write(base)
            if let sub { write(sub) }
            if let sup { write(sup) }
            output += "</\(tag)>"
        case .accent(let base, let op, let over):
            output += over ? "<mover accent=\"true\">" : "<munder accentunder=\"true\">"
            write(base)
            writeOperator(op)
            output += over ? "</mover>" : "</munder>"
        case .rule(let base, let over):
            output += over ? "<mrow style=\"border-top:0.05em solid;padding-top:0.12em\">"
                : "<mrow style=\"border-bottom:0.05em solid;padding-bottom:0.12em\">"
            if case .group(let nodes) = base { writeRow(nodes) } else { write(base) }
            output += "</mrow>"
        case .primed(let base, let primes):
            output += "<mrow>"
            write(base)
            write(.op(MathOperator(text: primes, atomClass: .ord)))
            output += "</mrow>"
        case .fenced(let open, let body, let close):
            output += "<mrow>"
            if let open { writeOperator(open) }
            writeRow(body, previous: open == nil ? nil : .open, siblingsBefore: open == nil ? 0 : 1)
            if let close { writeOperator(close) }
            output += "</mrow>"
        case .table(let table):
            writeTable(table)
        case .style(let display, let scriptLevel, let nodes):
            output += "<mstyle displaystyle=\"\(display)\""
            if let scriptLevel { output += " scriptlevel=\"\(scriptLevel)\"" }
            output += ">"
            writeRow(nodes)
            output += "</mstyle>"
        }
    }

    /// An `<mo>`, its attributes in alphabetical order.
    private mutating func writeOperator(_ op: MathOperator) {
        output += "<mo"
        for attribute in op.attributes.sorted(by: { $0.name < $1.name }) {
            output += " \(attribute.name)=\"\(attribute.value)\""
        }
        output += ">"
        appendEscaped(op.text)
        output += "</mo>"
    }

    /// An `<mtable>`. MathML Core has no `columnalign`: each cell says its alignment and
    /// padding in a `style` attribute.
    private mutating func writeTable(_ table: MathTable) {
        let display = table.layout == .aligned || table.layout == .gathered
        output += display ? "<mtable displaystyle=\"true\">" : "<mtable>"
        for row in table.rows {
            output += "<mtr>"
            for (column, cell) in row.enumerated() {
                if let style = Self.cellStyle(table.layout, column: column) {
                    output += "<mtd style=\"\(style)\">"
                } else {
                    output += "<mtd>"
                }
                // In `aligned`, a right-hand cell continues its line: `&= b` or `&+ c` are
                // relations and binary operations, as amsmath's `{}` makes them.
                let previous: MathAtomClass? = table.layout == .aligned && column % 2 == 1 ? .ord : nil
                if cell.count > 1 {
                    output += "<mrow>"
                    writeRow(cell, previous: previous)
                    output += "</mrow>"
                } else {
                    writeRow(cell, previous: previous)
                }
                output += "</mtd>"
            }
            output += "</mtr>"
        }
        output += "</mtable>"
    }

    /// Alignment in a cell, for every engine: `text-align` is what Firefox and Safari follow,
    /// `justify-items` what Chromium follows (it lays a cell's content out as a block).
    private static let left = "text-align:left;justify-items:start"
    private static let right = "text-align:right;justify-items:end"

    /// A cell's alignment and padding (nil: centred, with MathML's default padding).
    private static func cellStyle(_ layout: MathTable.Layout, column: Int) -> String? {
        switch layout {
        case .aligned:
            if column % 2 == 1 { return "\(left);padding:0.5ex 0" }
            return column == 0 ? "\(right);padding:0.5ex 0" : "\(right);padding:0.5ex 0 0.5ex 2em"
        case .cases:
            return column == 0 ? "\(left);padding:0.5ex 1em 0.5ex 0" : "\(left);padding:0.5ex 0"
        case .gathered, .matrix:
            return nil
        }
    }

    /// Text with `&`, `<`, `>` escaped, and characters that would vanish from sight (line
    /// breaks, tabs, no-break and thin spaces, function application, combining marks) as
    /// references.
    private mutating func appendEscaped(_ text: String) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\n", "\r", "\t", "\u{A0}", "\u{2009}", "\u{2061}":
                output += "&#x" + MathParser.hex(scalar.value).drop { $0 == "0" } + ";"
            default:
                switch scalar.properties.generalCategory {
                case .nonspacingMark, .enclosingMark:
                    output += "&#x" + MathParser.hex(scalar.value).drop { $0 == "0" } + ";"
                default:
                    output.unicodeScalars.append(scalar)
                }
            }
        }
    }
}
