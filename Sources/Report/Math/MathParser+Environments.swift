/// `\begin{…} … \end{…}`: the alignments and matrices a formula may hold.
extension MathParser {
    /// The supported environments: their layout, and the delimiters drawn around them.
    static let environments: [String: (layout: MathTable.Layout, open: String?, close: String?)] = [
        "aligned": (.aligned, nil, nil), "split": (.aligned, nil, nil), "gathered": (.gathered, nil, nil),
        "cases": (.cases, "{", nil), "matrix": (.matrix, nil, nil), "pmatrix": (.matrix, "(", ")"),
        "bmatrix": (.matrix, "[", "]"), "Bmatrix": (.matrix, "{", "}"), "vmatrix": (.matrix, "|", "|"),
        "Vmatrix": (.matrix, "\u{2016}", "\u{2016}"),
    ]

    /// The environment begun by `\begin` (already read) at byte `offset`, through its `\end`.
    mutating func parseEnvironment(at offset: Int) throws(MathSyntaxError) -> MathNode {
        let name = try readEnvironmentName(after: "begin", at: offset)
        guard let environment = Self.environments[name] else {
            throw MathSyntaxError(offset: offset, message: "unsupported environment '\(name)'")
        }
        let layout = environment.layout
        let maxColumns = layout == .cases ? 2 : layout == .gathered ? 1 : Int.max
        let outer = style
        style = layout == .aligned || layout == .gathered ? .display : .text
        var rows: [[[MathNode]]] = [[]]
        while true {
            let cell = try parseList(.cell(name, offset), at: offset)
            rows[rows.count - 1].append(cell)
            let token = try lexer.next()  // &, \\ or \end: nothing else ends a cell
            switch token.kind {
            case .alignment:
                if rows[rows.count - 1].count >= maxColumns {
                    throw MathSyntaxError(offset: token.offset, message: "too many columns in '\(name)'")
                }
            case .command("\\"):
                try skipRowSpacing()
                rows.append([])
            default:
                let end = try readEnvironmentName(after: "end", at: token.offset)
                guard end == name else {
                    throw MathSyntaxError(offset: token.offset, message: "'\\end{\(end)}' does not match '\\begin{\(name)}'")
                }
                style = outer
                // A `\\` before `\end` ends the last row; it does not start an empty one.
                if rows.count > 1, let last = rows.last, last.count == 1, last[0].isEmpty { rows.removeLast() }
                let table = MathNode.table(MathTable(layout: layout, rows: rows))
                if environment.open == nil && environment.close == nil { return table }
                return .fenced(open: environment.open.map(Self.leftDelimiter), body: [table],
                               close: environment.close.map(Self.rightDelimiter))
            }
        }
    }

    /// `{name}` after `\begin` or `\end`.
    private mutating func readEnvironmentName(after command: String, at offset: Int) throws(MathSyntaxError) -> String {
        lexer.skipSpaces()
        let open = lexer.position
        guard lexer.scalar(at: open) == "{" else {
            throw MathSyntaxError(offset: offset, message: "missing environment name after '\\\(command)'")
        }
        var end = open + 1
        while let scalar = lexer.scalar(at: end), MathLexer.isASCIILetter(scalar) || scalar == "*" { end += 1 }
        guard lexer.scalar(at: end) == "}" else {
            throw MathSyntaxError(offset: lexer.byteOffset(open), message: "missing '}'")
        }
        guard end > open + 1 else {
            throw MathSyntaxError(offset: offset, message: "missing environment name after '\\\(command)'")
        }
        lexer.position = end + 1
        return String(String.UnicodeScalarView(lexer.scalars[(open + 1)..<end]))
    }

    /// The `[2pt]` that may follow `\\` at once: read and checked, but not drawn (MathML Core
    /// has no row spacing).
    private mutating func skipRowSpacing() throws(MathSyntaxError) {
        let open = lexer.position
        guard lexer.scalar(at: open) == "[" else { return }
        var end = open + 1
        while let scalar = lexer.scalar(at: end), scalar != "]" { end += 1 }
        guard end < lexer.scalars.count else {
            throw MathSyntaxError(offset: lexer.byteOffset(open), message: "missing ']'")
        }
        let spec = String(String.UnicodeScalarView(lexer.scalars[(open + 1)..<end].filter { !MathLexer.isSpace($0) }))
        guard Self.isDimension(spec) else {
            throw MathSyntaxError(offset: lexer.byteOffset(open), message: "invalid row spacing '[\(spec)]' after '\\\\'")
        }
        lexer.position = end + 1
    }

    /// Whether `text` is a TeX dimension such as `2pt`, `-0.5ex` or `1.2em`.
    static func isDimension(_ text: String) -> Bool {
        var number = Substring(text)
        if number.first == "-" || number.first == "+" { number = number.dropFirst() }
        let unit = number.drop { MathLexer.isASCIIDigit($0.unicodeScalars.first!) || $0 == "." }
        let digits = number.prefix(number.count - unit.count)
        return digits.contains { $0 != "." } && digits.filter { $0 == "." }.count <= 1
            && ["pt", "em", "ex", "mm", "cm", "in", "pc", "bp", "mu", "px"].contains(unit)
    }
}
