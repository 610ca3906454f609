/// The control words: symbols from `MathSymbols`, and the commands with arguments.
extension MathParser {
    /// The command `\name` (already read) starting at byte `offset`, with its arguments.
    mutating func parseCommand(_ name: String, at offset: Int) throws(MathSyntaxError) -> MathAtom {
        if let symbol = MathSymbols.lookup(name) { return atom(for: symbol) }
        if let alphabet = MathAlphabet.command(name) {
            let outer = self.alphabet
            self.alphabet = alphabet
            defer { self.alphabet = outer }
            return .ordinary(try argument(of: name, at: offset))
        }
        if name == "overline" || name == "underline" {
            return .ordinary(.rule(try argument(of: name, at: offset), over: name == "overline"))
        }
        if let accent = Self.accents[name] {
            let base = try argument(of: name, at: offset)
            var op = MathOperator(text: accent.text, atomClass: .ord)
            if let stretchy = accent.stretchy { op.attributes = [MathAttribute("stretchy", stretchy ? "true" : "false")] }
            return .ordinary(.accent(base: base, op, over: accent.over))
        }
        if let size = Self.bigSize(name) { return .ordinary(try parseBig(name, size: size, at: offset)) }
        switch name {
        case "frac", "dfrac", "tfrac", "binom", "dbinom", "tbinom":
            return .ordinary(try parseFraction(name, at: offset))
        case "sqrt":
            return .ordinary(try parseSquareRoot(at: offset))
        case "left":
            return .ordinary(try parseLeftRight(at: offset))
        case "text", "textrm", "textnormal", "textup", "mbox":
            return .ordinary(.text(try readText(of: name, at: offset)))
        case "operatorname":
            var limits = MathAtom.Limits.beside
            if try lexer.peek().kind == .symbol("*") {
                _ = try lexer.next()
                limits = .displayLimits
            }
            let text = try readOperatorName(at: offset)
            return MathAtom(node: .identifier(text, upright: true, atomClass: .function), limits: limits)
        case "overset", "underset", "stackrel":
            let outer = style
            style = style.script
            let script = try argument(of: name, at: offset)
            style = outer
            let base = try argument(of: name, at: offset)
            let node = MathNode.scripts(base: base, sub: name == "underset" ? script : nil,
                                        sup: name == "underset" ? nil : script, limits: true)
            return .ordinary(node)
        case "overbrace", "underbrace":
            let base = try argument(of: name, at: offset)
            let brace = MathOperator(text: name == "overbrace" ? "\u{23DE}" : "\u{23DF}", atomClass: .ord)
            return MathAtom(node: .accent(base: base, brace, over: name == "overbrace"), limits: .always)
        case "not":
            return .ordinary(try parseNegation(at: offset))
        case "begin":
            return .ordinary(try parseEnvironment(at: offset))
        case "limits", "nolimits":
            throw MathSyntaxError(offset: offset, message: "'\\\(name)' must follow an operator such as '\\sum'")
        default:
            throw MathSyntaxError(offset: offset, message: "unsupported TeX command '\\\(name)'")
        }
    }

    private func atom(for symbol: MathSymbol) -> MathAtom {
        switch symbol {
        case .letter(let scalar):
            return .ordinary(identifier(scalar))
        case .identifier(let text):
            return .ordinary(.identifier(text, upright: false, atomClass: .ord))
        case .op(let text, let atomClass), .fence(let text, let atomClass):
            return .ordinary(.op(MathSymbols.plain(text, atomClass)))
        case .largeOp(let text, let limits):
            return MathAtom(node: .op(MathOperator(text: text, atomClass: .largeOp)), limits: limits ? .displayLimits : .beside)
        case .function(let text, let limits):
            return MathAtom(node: .identifier(text, upright: true, atomClass: .function),
                            limits: limits ? .displayLimits : .beside)
        case .space(let width):
            return .ordinary(.space(em: width))
        }
    }

    /// Accents: the character drawn, whether it stretches over its base (nil: as MathML's
    /// dictionary says), and whether it goes above. The wide accents use the characters math
    /// fonts give stretched forms (U+0302 in Latin Modern and STIX, U+02DC in STIX); narrow ones
    /// use spacing characters, as combining ones drawn alone are misplaced.
    static let accents: [String: (text: String, stretchy: Bool?, over: Bool)] = [
        "hat": ("^", false, true), "widehat": ("\u{302}", nil, true),
        "tilde": ("\u{2DC}", false, true), "widetilde": ("\u{2DC}", nil, true),
        "bar": ("\u{AF}", false, true), "vec": ("\u{2192}", false, true),
        "overrightarrow": ("\u{2192}", nil, true), "overleftarrow": ("\u{2190}", nil, true),
        "dot": ("\u{2D9}", nil, true), "ddot": ("\u{A8}", nil, true),
        "check": ("\u{2C7}", false, true), "breve": ("\u{2D8}", nil, true),
        "acute": ("\u{B4}", nil, true), "grave": ("`", nil, true), "mathring": ("\u{2DA}", nil, true),
    ]

    /// `\frac`, `\dfrac`, `\tfrac` and the `\binom`s.
    private mutating func parseFraction(_ name: String, at offset: Int) throws(MathSyntaxError) -> MathNode {
        let outer = style
        let fractionStyle = name.hasPrefix("d") ? MathStyle.display : name.hasPrefix("t") ? .text : outer
        style = fractionStyle.fraction
        let numerator = try argument(of: name, at: offset)
        let denominator = try argument(of: name, at: offset)
        style = outer
        var node = MathNode.fraction(numerator, denominator, lineThickness: nil)
        if name.hasSuffix("binom") {
            node = .fenced(open: Self.leftDelimiter("("), body: [.fraction(numerator, denominator, lineThickness: "0")],
                           close: Self.rightDelimiter(")"))
        }
        return Self.restyled([node], from: outer, to: fractionStyle)
    }

    /// `\sqrt{x}` and `\sqrt[n]{x}`.
    private mutating func parseSquareRoot(at offset: Int) throws(MathSyntaxError) -> MathNode {
        let bracket = try lexer.peek()
        guard bracket.kind == .symbol("[") else {
            let radicand = try argument(of: "sqrt", at: offset)
            if case .group(let nodes) = radicand { return .sqrt(nodes) }
            return .sqrt([radicand])
        }
        _ = try lexer.next()
        let outer = style
        style = .scriptScript
        let index = try parseList(.bracket(bracket.offset), at: bracket.offset)
        style = outer
        _ = try lexer.next()
        return .root(try argument(of: "sqrt", at: offset), index: MathNode.row(index))
    }

    static func leftDelimiter(_ text: String) -> MathOperator {
        MathOperator(text: text, atomClass: .open, attributes: [
            MathAttribute("fence", "true"), MathAttribute("form", "prefix"), MathAttribute("stretchy", "true"),
        ])
    }

    static func rightDelimiter(_ text: String) -> MathOperator {
        MathOperator(text: text, atomClass: .close, attributes: [
            MathAttribute("fence", "true"), MathAttribute("form", "postfix"), MathAttribute("stretchy", "true"),
        ])
    }

    /// `\middle`'s delimiter: stretched, and spaced as TeX does, not at all.
    static func middleDelimiter(_ text: String) -> MathOperator {
        MathOperator(text: text, atomClass: .open, attributes: [
            MathAttribute("lspace", "0"), MathAttribute("rspace", "0"), MathAttribute("stretchy", "true"),
            MathAttribute("symmetric", "true"),
        ])
    }

    /// The delimiter after `\left`, `\middle`, `\right` or `\big…`; nil for `.`.
    private mutating func parseDelimiter(after command: String, at offset: Int) throws(MathSyntaxError) -> String? {
        let token = try lexer.peek()
        if token.kind == .end {
            throw MathSyntaxError(offset: offset, message: "missing delimiter after '\\\(command)'")
        }
        guard let text = MathSymbols.delimiter(token.kind) else {
            throw MathSyntaxError(offset: token.offset, message: "unsupported delimiter after '\\\(command)'")
        }
        _ = try lexer.next()
        return text == "." ? nil : text
    }

    /// `\left( … \middle| … \right)`, read after `\left`.
    private mutating func parseLeftRight(at offset: Int) throws(MathSyntaxError) -> MathNode {
        let open = try parseDelimiter(after: "left", at: offset)
        var body = [MathNode]()
        while true {
            body += try parseList(.left(offset), at: offset)
            let token = try lexer.next()  // \middle or \right: nothing else ends the list
            if token.kind == .command("middle") {
                if let middle = try parseDelimiter(after: "middle", at: token.offset) {
                    body.append(.op(Self.middleDelimiter(middle)))
                }
                continue
            }
            let close = try parseDelimiter(after: "right", at: token.offset)
            return .fenced(open: open.map(Self.leftDelimiter), body: body, close: close.map(Self.rightDelimiter))
        }
    }

    /// The height of `\big` and its family, or nil if `name` is not one.
    static func bigSize(_ name: String) -> String? {
        var base = Substring(name)
        if let last = base.last, "lrm".contains(last), base.count > 3 { base = base.dropLast() }
        switch base {
        case "big": return "1.2em"
        case "Big": return "1.8em"
        case "bigg": return "2.4em"
        case "Bigg": return "3em"
        default: return nil
        }
    }

    /// `\big(`, `\Bigl[`, `\biggm|`…: a delimiter of a fixed size.
    private mutating func parseBig(_ name: String, size: String, at offset: Int) throws(MathSyntaxError) -> MathNode {
        guard let text = try parseDelimiter(after: name, at: offset) else { return .group([]) }
        let atomClass: MathAtomClass = switch name.last {
        case "l": .open
        case "r": .close
        case "m": .rel
        default: .ord
        }
        var attributes = [
            MathAttribute("maxsize", size), MathAttribute("minsize", size), MathAttribute("stretchy", "true"),
            MathAttribute("symmetric", "true"),
        ]
        if atomClass != .rel && MathSymbols.unspaced.contains(text) {
            attributes += [MathAttribute("lspace", "0"), MathAttribute("rspace", "0")]
        }
        return .op(MathOperator(text: text, atomClass: atomClass, attributes: attributes))
    }

    /// `\not` before a relation: its struck-through form.
    private mutating func parseNegation(at offset: Int) throws(MathSyntaxError) -> MathNode {
        let token = try lexer.peek()
        var relation: String?
        switch token.kind {
        case .symbol(let text): relation = MathSymbols.character(text)?.text
        case .command(let name): if case .op(let text, .rel)? = MathSymbols.lookup(name) { relation = text }
        default: break
        }
        guard let relation, let negated = MathSymbols.negations[relation] else {
            throw MathSyntaxError(offset: offset, message: "'\\not' must be followed by a relation it can negate, such as '='")
        }
        _ = try lexer.next()
        return .op(MathOperator(text: negated, atomClass: .rel))
    }

    /// The opening brace of a raw argument (`\text`, `\operatorname`), read; its byte offset.
    private mutating func openRawArgument(of command: String, at offset: Int) throws(MathSyntaxError) -> Int {
        lexer.skipSpaces()
        guard lexer.scalar(at: lexer.position) == "{" else {
            throw MathSyntaxError(offset: offset, message: "missing argument for '\\\(command)'")
        }
        lexer.position += 1
        return lexer.byteOffset(lexer.position - 1)
    }

    /// The argument of `\text`: characters, as TeX's text mode reads them. Runs of white space
    /// become one space; a space at either end becomes a no-break space, which MathML keeps.
    private mutating func readText(of command: String, at offset: Int) throws(MathSyntaxError) -> String {
        let open = try openRawArgument(of: command, at: offset)
        var text = String.UnicodeScalarView(), depth = 1
        while true {
            guard let scalar = lexer.scalar(at: lexer.position) else {
                throw MathSyntaxError(offset: open, message: "missing '}'")
            }
            let here = lexer.byteOffset(lexer.position)
            lexer.position += 1
            switch scalar {
            case "{":
                depth += 1
            case "}":
                depth -= 1
                if depth == 0 {
                    if text.first == " " { text.replaceSubrange(text.startIndex...text.startIndex, with: ["\u{A0}"]) }
                    if text.last == " " { text.replaceSubrange(text.index(before: text.endIndex)..., with: ["\u{A0}"]) }
                    return String(text)
                }
            case "\\":
                if let escaped = try readTextEscape(in: command, at: here) { text.append(escaped) }
            case "~":
                text.append("\u{A0}")
            case "$":
                throw MathSyntaxError(offset: here, message: "math inside '\\\(command)' is not supported")
            case "^", "_", "&", "#", "%":
                throw MathSyntaxError(offset: here, message: "unsupported character '\(scalar)' in '\\\(command)'")
            default:
                if MathLexer.isSpace(scalar) {
                    if text.last != " " { text.append(" ") }
                } else if scalar.value < 0x20 || scalar.value == 0x7F {
                    throw MathSyntaxError(offset: here, message: "unsupported character U+\(Self.hex(scalar.value)) in '\\\(command)'")
                } else {
                    text.append(scalar)
                }
            }
        }
    }

    /// After a backslash in text: the character it stands for (nil for none).
    private mutating func readTextEscape(in command: String, at offset: Int) throws(MathSyntaxError) -> Unicode.Scalar? {
        guard let next = lexer.scalar(at: lexer.position) else {
            throw MathSyntaxError(offset: offset, message: "missing command name after '\\'")
        }
        if MathLexer.isASCIILetter(next) {
            let start = lexer.position
            while let letter = lexer.scalar(at: lexer.position), MathLexer.isASCIILetter(letter) { lexer.position += 1 }
            let name = String(String.UnicodeScalarView(lexer.scalars[start..<lexer.position]))
            guard name == "textbackslash" else {
                throw MathSyntaxError(offset: offset, message: "unsupported command '\\\(name)' in '\\\(command)'")
            }
            lexer.skipSpaces()
            return "\\"
        }
        lexer.position += 1
        switch next {
        case "{", "}", "$", "%", "&", "#", "_": return next
        case " ", "\n", "\t": return " "
        case ",": return "\u{2009}"
        default: throw MathSyntaxError(offset: offset, message: "unsupported command '\\\(next)' in '\\\(command)'")
        }
    }

    /// The argument of `\operatorname`: letters, digits and a little punctuation, drawn upright
    /// as one name. Spaces are ignored, as in math; `\,` and `\ ` give thin and normal spaces.
    private mutating func readOperatorName(at offset: Int) throws(MathSyntaxError) -> String {
        let open = try openRawArgument(of: "operatorname", at: offset)
        var text = String.UnicodeScalarView(), depth = 1
        while true {
            guard let scalar = lexer.scalar(at: lexer.position) else {
                throw MathSyntaxError(offset: open, message: "missing '}'")
            }
            let here = lexer.byteOffset(lexer.position)
            lexer.position += 1
            switch scalar {
            case "{":
                depth += 1
            case "}":
                depth -= 1
                if depth > 0 { continue }
                if text.isEmpty { throw MathSyntaxError(offset: offset, message: "missing argument for '\\operatorname'") }
                return String(text)
            case "\\":
                guard let next = lexer.scalar(at: lexer.position) else {
                    throw MathSyntaxError(offset: here, message: "missing command name after '\\'")
                }
                if MathLexer.isASCIILetter(next) {
                    let start = lexer.position
                    while let letter = lexer.scalar(at: lexer.position), MathLexer.isASCIILetter(letter) { lexer.position += 1 }
                    let name = String(String.UnicodeScalarView(lexer.scalars[start..<lexer.position]))
                    throw MathSyntaxError(offset: here, message: "unsupported command '\\\(name)' in '\\operatorname'")
                }
                lexer.position += 1
                switch next {
                case ",", ":", ";": text.append("\u{2009}")
                case " ": text.append("\u{A0}")
                default: throw MathSyntaxError(offset: here, message: "unsupported command '\\\(next)' in '\\operatorname'")
                }
            case "-", ".", "'", "*", "/":
                text.append(scalar)
            default:
                if MathLexer.isSpace(scalar) { continue }
                if MathLexer.isASCIILetter(scalar) || MathLexer.isASCIIDigit(scalar)
                    || (scalar.value > 0x7F && scalar.properties.isAlphabetic) {
                    text.append(scalar)
                } else {
                    throw MathSyntaxError(offset: here, message: "unsupported character '\(scalar)' in '\\operatorname'")
                }
            }
        }
    }
}
