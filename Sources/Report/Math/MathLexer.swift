/// One token of TeX math, with the UTF-8 byte offset where it starts.
struct MathToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case end
        /// `\alpha` is `command("alpha")`; a control symbol such as `\,` is `command(",")`.
        case command(String)
        /// An ASCII letter.
        case letter(Unicode.Scalar)
        /// An ASCII digit.
        case digit(Unicode.Scalar)
        /// Any other character: ASCII punctuation, or a non-ASCII character with its marks.
        case symbol(String)
        case openBrace, closeBrace, superscript, `subscript`, alignment, prime, tilde
    }

    let kind: Kind
    let offset: Int
}

/// Splits TeX math into tokens, skipping white space. It also gives the parser raw access to
/// the characters, for `\text{…}` and environment names, where TeX reads characters, not tokens.
struct MathLexer {
    let scalars: [Unicode.Scalar]
    /// `offsets[i]` is the byte offset of `scalars[i]`; one more entry holds the total length.
    let offsets: [Int]
    /// Index into `scalars` of the next unread character.
    var position = 0

    init(_ text: String) {
        var scalars = [Unicode.Scalar](), offsets = [Int]()
        scalars.reserveCapacity(text.utf8.count)
        offsets.reserveCapacity(text.utf8.count + 1)
        var offset = 0
        for scalar in text.unicodeScalars {
            scalars.append(scalar)
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        self.scalars = scalars
        self.offsets = offsets
    }

    var atEnd: Bool { position >= scalars.count }

    /// The byte offset of character `index` (the text's length past the end).
    func byteOffset(_ index: Int) -> Int { offsets[min(index, scalars.count)] }

    /// The character at `index`, or nil past the end.
    func scalar(at index: Int) -> Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || (scalar.value > 0x7F && scalar.properties.isWhitespace)
    }

    static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
    }

    static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool { scalar >= "0" && scalar <= "9" }

    /// Whether a character joins the one before it (a combining mark, a variation selector).
    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return (0xFE00...0xFE0F).contains(scalar.value) || scalar.value == 0x200D
        }
    }

    mutating func skipSpaces() {
        while position < scalars.count, Self.isSpace(scalars[position]) { position += 1 }
    }

    /// The next token, without reading it.
    func peek() throws(MathSyntaxError) -> MathToken { try token(at: position).token }

    /// The token after the next one, without reading either.
    func peekSecond() throws(MathSyntaxError) -> MathToken {
        try token(at: token(at: position).end).token
    }

    /// Reads the next token.
    mutating func next() throws(MathSyntaxError) -> MathToken {
        let (token, end) = try token(at: position)
        position = end
        return token
    }

    /// The token starting at or after character `start` (white space skipped), and the index
    /// just past it.
    func token(at start: Int) throws(MathSyntaxError) -> (token: MathToken, end: Int) {
        var index = start
        while index < scalars.count, Self.isSpace(scalars[index]) { index += 1 }
        guard index < scalars.count else { return (MathToken(kind: .end, offset: byteOffset(index)), index) }
        let offset = offsets[index], scalar = scalars[index]
        func simple(_ kind: MathToken.Kind) -> (token: MathToken, end: Int) {
            (MathToken(kind: kind, offset: offset), index + 1)
        }
        switch scalar {
        case "\\":
            guard index + 1 < scalars.count else {
                throw MathSyntaxError(offset: offset, message: "missing command name after '\\'")
            }
            var end = index + 1
            if Self.isASCIILetter(scalars[end]) {
                while end < scalars.count, Self.isASCIILetter(scalars[end]) { end += 1 }
            } else {
                end += 1
            }
            let name = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
            return (MathToken(kind: .command(name), offset: offset), end)
        case "{": return simple(.openBrace)
        case "}": return simple(.closeBrace)
        case "^": return simple(.superscript)
        case "_": return simple(.subscript)
        case "&": return simple(.alignment)
        case "'": return simple(.prime)
        case "~": return simple(.tilde)
        default:
            if Self.isASCIILetter(scalar) { return simple(.letter(scalar)) }
            if Self.isASCIIDigit(scalar) { return simple(.digit(scalar)) }
            var end = index + 1
            if scalar.value > 0x7F {
                while end < scalars.count, Self.isMark(scalars[end]) { end += 1 }
            }
            let text = String(String.UnicodeScalarView(scalars[index..<end]))
            return (MathToken(kind: .symbol(text), offset: offset), end)
        }
    }
}
