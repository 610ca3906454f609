/// TeX's four styles: they decide where limits go and how big fractions are drawn.
enum MathStyle: Int, Sendable, Comparable {
    case display, text, script, scriptScript

    static func < (lhs: MathStyle, rhs: MathStyle) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The style of a fraction's numerator and denominator.
    var fraction: MathStyle {
        switch self {
        case .display: .text
        case .text: .script
        case .script, .scriptScript: .scriptScript
        }
    }

    /// The style of sub- and superscripts.
    var script: MathStyle { self <= .text ? .script : .scriptScript }

    /// MathML's `scriptlevel` for the style.
    var scriptLevel: Int { max(0, rawValue - 1) }
}

/// A parsed atom and where scripts attached to it go.
struct MathAtom {
    enum Limits: Equatable {
        /// Not an operator: scripts beside it, and `\limits` is an error.
        case notAnOperator
        /// An operator whose scripts go beside it (`\int`, `\log`) unless `\limits` says so.
        case beside
        /// Below and above in display style, beside otherwise (`\sum`, `\lim`).
        case displayLimits
        /// Always below and above (`\overbrace`, or after `\limits`).
        case always
    }

    var node: MathNode
    var limits: Limits

    static func ordinary(_ node: MathNode) -> MathAtom { MathAtom(node: node, limits: .notAnOperator) }
}

/// Reads TeX math into `MathNode`s: lists of atoms with their scripts, braced groups, and
/// the commands of `MathParser+Commands.swift` and `MathParser+Environments.swift`.
struct MathParser {
    /// How deeply groups, arguments and environments may nest before the formula is refused.
    static let maxDepth = 64

    /// What a list being read ends at.
    enum Context: Equatable {
        case top
        /// A braced group opened at a byte offset.
        case brace(Int)
        /// `\left` at a byte offset, up to its `\middle` or `\right`.
        case left(Int)
        /// `\sqrt[` at the bracket's byte offset, up to `]`.
        case bracket(Int)
        /// A cell of environment `name` begun at a byte offset, up to `&`, `\\` or `\end`.
        case cell(String, Int)
    }

    var lexer: MathLexer
    var style: MathStyle
    /// The alphabet of the innermost `\mathbf`-like command, if any.
    var alphabet: MathAlphabet?
    private var contexts = [Context]()
    private var depth = 0

    init(_ tex: String, display: Bool) {
        lexer = MathLexer(tex)
        style = display ? .display : .text
    }

    /// The whole formula.
    mutating func parseFormula() throws(MathSyntaxError) -> [MathNode] {
        try parseList(.top, at: 0)
    }

    /// A list of atoms up to what ends `context` (left unread).
    mutating func parseList(_ context: Context, at offset: Int) throws(MathSyntaxError) -> [MathNode] {
        try enter(at: offset)
        contexts.append(context)
        let nodes = try parseItems()
        contexts.removeLast()
        leave()
        return nodes
    }

    mutating func enter(at offset: Int) throws(MathSyntaxError) {
        depth += 1
        if depth > Self.maxDepth {
            throw MathSyntaxError(offset: offset, message: "formula nested more than \(Self.maxDepth) levels deep")
        }
    }

    mutating func leave() { depth -= 1 }

    static let styleCommands: [String: MathStyle] = [
        "displaystyle": .display, "textstyle": .text, "scriptstyle": .script, "scriptscriptstyle": .scriptScript,
    ]

    private mutating func parseItems() throws(MathSyntaxError) -> [MathNode] {
        var nodes = [MathNode]()
        while true {
            let token = try lexer.peek()
            if try ends(at: token) { return nodes }
            if case .command(let name) = token.kind, let newStyle = Self.styleCommands[name] {
                // A style switch lasts to the end of the list.
                _ = try lexer.next()
                if newStyle == style { continue }
                let outer = style
                style = newStyle
                try enter(at: token.offset)
                let rest = try parseItems()
                leave()
                style = outer
                nodes.append(Self.restyled(rest, from: outer, to: newStyle))
                return nodes
            }
            let atom = try parseAtom()
            nodes.append(try parseScripts(of: atom))
        }
    }

    /// `nodes` drawn in style `to` inside a list in style `from`.
    static func restyled(_ nodes: [MathNode], from: MathStyle, to: MathStyle) -> MathNode {
        if from == to { return MathNode.row(nodes) }
        return .style(display: to == .display, scriptLevel: from.scriptLevel == to.scriptLevel ? nil : to.scriptLevel, nodes)
    }

    /// Whether `token` ends the current list; throws where it cannot stand there.
    private func ends(at token: MathToken) throws(MathSyntaxError) -> Bool {
        let context = contexts[contexts.count - 1]
        switch token.kind {
        case .end:
            if context == .top { return true }
            throw Self.unclosed(context)
        case .closeBrace:
            if case .brace = context { return true }
            if contexts.contains(where: { if case .brace = $0 { true } else { false } }) { throw Self.unclosed(context) }
            throw MathSyntaxError(offset: token.offset, message: "unmatched '}'")
        case .command(let name) where name == "right" || name == "middle":
            if case .left = context { return true }
            if contexts.contains(where: { if case .left = $0 { true } else { false } }) { throw Self.unclosed(context) }
            throw MathSyntaxError(offset: token.offset, message: "'\\\(name)' without '\\left'")
        case .symbol("]"):
            if case .bracket = context { return true }
            return false
        case .alignment, .command("\\"), .command("end"):
            if case .cell = context { return true }
            if contexts.contains(where: { if case .cell = $0 { true } else { false } }) { throw Self.unclosed(context) }
            switch token.kind {
            case .alignment: throw MathSyntaxError(offset: token.offset, message: "'&' outside an environment")
            case .command("end"): throw MathSyntaxError(offset: token.offset, message: "'\\end' without '\\begin'")
            default: throw MathSyntaxError(offset: token.offset, message: "'\\\\' outside an environment")
            }
        default:
            return false
        }
    }

    /// The error for a list that was never closed.
    private static func unclosed(_ context: Context) -> MathSyntaxError {
        switch context {
        case .top: MathSyntaxError(offset: 0, message: "unexpected end of formula")
        case .brace(let offset): MathSyntaxError(offset: offset, message: "missing '}'")
        case .left(let offset): MathSyntaxError(offset: offset, message: "'\\left' without '\\right'")
        case .bracket(let offset): MathSyntaxError(offset: offset, message: "missing ']'")
        case .cell(let name, let offset): MathSyntaxError(offset: offset, message: "missing '\\end{\(name)}'")
        }
    }

    /// One atom, without its scripts.
    private mutating func parseAtom() throws(MathSyntaxError) -> MathAtom {
        let token = try lexer.peek()
        switch token.kind {
        case .superscript, .subscript, .prime:
            // Scripts with nothing before them attach to an empty atom, as in TeX.
            return .ordinary(.group([]))
        case .openBrace:
            _ = try lexer.next()
            let nodes = try parseList(.brace(token.offset), at: token.offset)
            _ = try lexer.next()
            return .ordinary(MathNode.row(nodes))
        case .letter(let scalar):
            _ = try lexer.next()
            guard alphabet == .roman else { return .ordinary(identifier(scalar)) }
            // Upright letters make one identifier, as in \mathrm{KL}.
            var text = String(Character(scalar))
            while case .letter(let next) = try lexer.peek().kind {
                _ = try lexer.next()
                text.unicodeScalars.append(next)
            }
            return .ordinary(.identifier(text, upright: true, atomClass: .ord))
        case .digit:
            return .ordinary(try parseNumber())
        case .symbol(let text):
            if text == ".", case .digit = try lexer.peekSecond().kind { return .ordinary(try parseNumber()) }
            _ = try lexer.next()
            return .ordinary(try symbol(text, at: token.offset))
        case .tilde:
            _ = try lexer.next()
            return .ordinary(.space(em: "0.3333em"))
        case .command(let name):
            _ = try lexer.next()
            return try parseCommand(name, at: token.offset)
        case .end, .closeBrace, .alignment:
            throw MathSyntaxError(offset: token.offset, message: "unexpected end of group")
        }
    }

    /// Digits, with at most one decimal point between digits: one `<mn>`.
    private mutating func parseNumber() throws(MathSyntaxError) -> MathNode {
        var text = "", sawPoint = false
        while true {
            let token = try lexer.peek()
            if case .digit(let digit) = token.kind {
                text.unicodeScalars.append(alphabet?.map(digit) ?? digit)
            } else if token.kind == .symbol("."), !sawPoint, case .digit = try lexer.peekSecond().kind {
                text += "."
                sawPoint = true
            } else {
                return .number(text)
            }
            _ = try lexer.next()
        }
    }

    /// The identifier for a letter, in the current alphabet.
    func identifier(_ scalar: Unicode.Scalar) -> MathNode {
        if let alphabet {
            if alphabet == .roman { return .identifier(String(Character(scalar)), upright: true, atomClass: .ord) }
            if let mapped = alphabet.map(scalar) { return .identifier(String(Character(mapped)), upright: false, atomClass: .ord) }
        }
        return .identifier(String(Character(scalar)), upright: MathAlphabet.isUprightByDefault(scalar), atomClass: .ord)
    }

    /// A character other than a letter, digit or TeX special.
    func symbol(_ text: String, at offset: Int) throws(MathSyntaxError) -> MathNode {
        let first = text.unicodeScalars[text.unicodeScalars.startIndex]
        if first.value > 0x7F {
            if first.properties.isAlphabetic {
                return text.unicodeScalars.count == 1 ? identifier(first) : .identifier(text, upright: false, atomClass: .ord)
            }
            if first.properties.numericType != nil { return .number(text) }
        }
        guard let op = MathSymbols.character(text) else {
            let shown = first.value < 0x20 || first.value == 0x7F ? "U+" + Self.hex(first.value) : "'\(text)'"
            throw MathSyntaxError(offset: offset, message: "unsupported character \(shown)")
        }
        return .op(MathSymbols.plain(op.text, op.atomClass).with(op.attributes))
    }

    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// The scripts after an atom: `_`, `^`, primes, `\limits`/`\nolimits`.
    private mutating func parseScripts(of atom: MathAtom) throws(MathSyntaxError) -> MathNode {
        var sub: MathNode?, sup: MathNode?, primes = 0, limits = atom.limits
        scripts: while true {
            let token = try lexer.peek()
            switch token.kind {
            case .superscript:
                if sup != nil { throw MathSyntaxError(offset: token.offset, message: "double superscript") }
                _ = try lexer.next()
                sup = try parseScriptArgument(after: token)
            case .subscript:
                if sub != nil { throw MathSyntaxError(offset: token.offset, message: "double subscript") }
                _ = try lexer.next()
                sub = try parseScriptArgument(after: token)
            case .prime:
                // Primes are a superscript in TeX: after one, another superscript is an error.
                if sup != nil || primes > 0 { throw MathSyntaxError(offset: token.offset, message: "double superscript") }
                while case .prime = try lexer.peek().kind {
                    _ = try lexer.next()
                    primes += 1
                }
            case .command(let name) where name == "limits" || name == "nolimits":
                guard atom.limits == .beside || atom.limits == .displayLimits else {
                    throw MathSyntaxError(offset: token.offset, message: "'\\\(name)' must follow an operator such as '\\sum'")
                }
                _ = try lexer.next()
                limits = name == "limits" ? .always : .beside
            default:
                break scripts
            }
        }
        var base = atom.node
        if primes > 0 {
            let prime = MathNode.op(MathOperator(text: Self.primes(primes), atomClass: .ord))
            if case .group(let nodes) = base, nodes.isEmpty { base = prime } else { base = .primed(base, primes: Self.primes(primes)) }
        }
        if sub == nil && sup == nil { return base }
        let below = limits == .always || (limits == .displayLimits && style == .display)
        return .scripts(base: base, sub: sub, sup: sup, limits: below)
    }

    static func primes(_ count: Int) -> String {
        switch count {
        case 1: "\u{2032}"
        case 2: "\u{2033}"
        case 3: "\u{2034}"
        case 4: "\u{2057}"
        default: String(repeating: "\u{2032}", count: count)
        }
    }

    private mutating func parseScriptArgument(after token: MathToken) throws(MathSyntaxError) -> MathNode {
        let outer = style
        style = style.script
        defer { style = outer }
        guard let node = try parseArgumentIfPresent(at: token.offset) else {
            let message = token.kind == .superscript ? "missing superscript after '^'" : "missing subscript after '_'"
            throw MathSyntaxError(offset: token.offset, message: message)
        }
        return node
    }

    /// Commands that cannot be an argument.
    private static let notArguments: Set<String> = ["right", "middle", "end", "\\", "limits", "nolimits"]

    /// A command's argument or a script: a braced group, or one token (with the arguments of
    /// a command). Nil if none follows.
    mutating func parseArgumentIfPresent(at offset: Int) throws(MathSyntaxError) -> MathNode? {
        let token = try lexer.peek()
        switch token.kind {
        case .openBrace:
            _ = try lexer.next()
            let nodes = try parseList(.brace(token.offset), at: token.offset)
            _ = try lexer.next()
            return MathNode.row(nodes)
        case .letter(let scalar):
            _ = try lexer.next()
            return identifier(scalar)
        case .digit(let digit):
            _ = try lexer.next()
            return .number(String(Character(alphabet?.map(digit) ?? digit)))
        case .symbol(let text):
            _ = try lexer.next()
            return try symbol(text, at: token.offset)
        case .tilde:
            _ = try lexer.next()
            return .space(em: "0.3333em")
        case .command(let name):
            if Self.notArguments.contains(name) || Self.styleCommands[name] != nil { return nil }
            _ = try lexer.next()
            try enter(at: token.offset)
            let atom = try parseCommand(name, at: token.offset)
            leave()
            return atom.node
        case .end, .closeBrace, .superscript, .subscript, .prime, .alignment:
            return nil
        }
    }

    /// A command's required argument.
    mutating func argument(of command: String, at offset: Int) throws(MathSyntaxError) -> MathNode {
        guard let node = try parseArgumentIfPresent(at: offset) else {
            throw MathSyntaxError(offset: offset, message: "missing argument for '\\\(command)'")
        }
        return node
    }
}

extension MathOperator {
    /// The operator with `extra` attributes added (replacing any of the same name).
    func with(_ extra: [MathAttribute]) -> MathOperator {
        var copy = self
        for attribute in extra {
            copy.attributes.removeAll { $0.name == attribute.name }
            copy.attributes.append(attribute)
        }
        return copy
    }
}
