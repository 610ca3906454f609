/// The math alphabets of `\mathbf`, `\mathcal`, `\mathbb`… MathML Core draws only
/// `mathvariant="normal"`, so the others become the characters of Unicode's Mathematical
/// Alphanumeric Symbols block (U+1D400–U+1D7FF), with the letters Unicode had already encoded
/// in Letterlike Symbols (ℬ, ℝ, ℎ…) taken from there.
enum MathAlphabet: Sendable, Equatable {
    /// `\mathrm`: upright; not a character mapping (the writer asks for `mathvariant="normal"`).
    case roman
    case bold, italic, script, fraktur, doubleStruck, sansSerif, monospace
    /// `\boldsymbol` / `\bm`: bold italic letters, but upright bold capital Greek, as TeX draws.
    case boldSymbol

    /// The alphabet a font command selects, or nil if the command is not one.
    static func command(_ name: String) -> MathAlphabet? {
        switch name {
        case "mathrm", "mathup": .roman
        case "mathbf": .bold
        case "mathit": .italic
        case "boldsymbol", "bm", "mathbfit": .boldSymbol
        case "mathcal", "mathscr": .script
        case "mathfrak": .fraktur
        case "mathbb": .doubleStruck
        case "mathsf": .sansSerif
        case "mathtt": .monospace
        default: nil
        }
    }

    /// The character for `scalar` in this alphabet, or nil when the alphabet has none (the
    /// character is then drawn as it would be outside the command).
    func map(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        if let latin = Self.latinIndex(value) {
            guard let style = latinStyle else { return nil }
            if let hole = Self.latinHoles[style]?[latin] { return Unicode.Scalar(hole) }
            return Unicode.Scalar(0x1D400 + UInt32(style) * 52 + UInt32(latin))
        }
        if let greek = Self.greekIndex(value) {
            let style: UInt32
            switch self {
            case .bold: style = 0
            case .italic: style = 1
            case .boldSymbol: style = greek <= 25 ? 0 : 2  // capitals and ∇ upright
            default: return nil
            }
            return Unicode.Scalar(0x1D6A8 + style * 58 + UInt32(greek))
        }
        if value >= 0x30 && value <= 0x39 {
            let base: UInt32
            switch self {
            case .bold, .boldSymbol: base = 0x1D7CE
            case .doubleStruck: base = 0x1D7D8
            case .sansSerif: base = 0x1D7E2
            case .monospace: base = 0x1D7F6
            default: return nil
            }
            return Unicode.Scalar(base + value - 0x30)
        }
        return nil
    }

    /// Which of the thirteen 52-letter Latin alphabets starting at U+1D400 this is.
    private var latinStyle: Int? {
        switch self {
        case .roman: nil
        case .bold: 0
        case .italic: 1
        case .boldSymbol: 2
        case .script: 3
        case .fraktur: 5
        case .doubleStruck: 6
        case .sansSerif: 8
        case .monospace: 12
        }
    }

    /// A–Z as 0–25, a–z as 26–51.
    private static func latinIndex(_ value: UInt32) -> Int? {
        if value >= 0x41 && value <= 0x5A { return Int(value - 0x41) }
        if value >= 0x61 && value <= 0x7A { return Int(value - 0x61) + 26 }
        return nil
    }

    /// The position of a Greek letter in each 58-character Greek alphabet: Α–Ω (with ϴ where
    /// U+03A2 is unassigned), ∇, α–ω, then ∂ ϵ ϑ ϰ ϕ ϱ ϖ.
    private static func greekIndex(_ value: UInt32) -> Int? {
        switch value {
        case 0x391...0x3A9 where value != 0x3A2: return Int(value - 0x391)
        case 0x3F4: return 17
        case 0x2207: return 25
        case 0x3B1...0x3C9: return Int(value - 0x3B1) + 26
        case 0x2202: return 51
        case 0x3F5: return 52
        case 0x3D1: return 53
        case 0x3F0: return 54
        case 0x3D5: return 55
        case 0x3F1: return 56
        case 0x3D6: return 57
        default: return nil
        }
    }

    /// The reserved code points of the Latin alphabets, by style and letter index, to the
    /// Letterlike Symbols character that stands for them.
    private static let latinHoles: [Int: [Int: UInt32]] = [
        1: [33: 0x210E],  // italic h
        3: [1: 0x212C, 4: 0x2130, 5: 0x2131, 7: 0x210B, 8: 0x2110, 11: 0x2112, 12: 0x2133, 17: 0x211B,
            30: 0x212F, 32: 0x210A, 40: 0x2134],  // script B E F H I L M R e g o
        5: [2: 0x212D, 7: 0x210C, 8: 0x2111, 17: 0x211C, 25: 0x2128],  // fraktur C H I R Z
        6: [2: 0x2102, 7: 0x210D, 13: 0x2115, 15: 0x2119, 16: 0x211A, 17: 0x211D, 25: 0x2124],  // double-struck C H N P Q R Z
    ]

    /// Whether an identifier of this one character is drawn italic by MathML unless told
    /// otherwise: Latin and Greek letters, ∂, ∇, dotless ı and ȷ.
    static func isAutoItalic(_ scalar: Unicode.Scalar) -> Bool {
        latinIndex(scalar.value) != nil || greekIndex(scalar.value) != nil || scalar.value == 0x131 || scalar.value == 0x237
    }

    /// Whether TeX draws the character upright in math by default: capital Greek and ∇.
    static func isUprightByDefault(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value >= 0x391 && value <= 0x3A9) || value == 0x3F4 || value == 0x2207
    }
}
