extension String {
    /// The text as a terminal may show it: control characters (ESC, BEL, NUL, carriage return,
    /// DEL, the C1 set) and the bidirectional overrides that reorder what a reader sees are
    /// written as escapes (`\u{1B}`), so a chapter, an option or a file name cannot move the
    /// cursor, recolour the screen or hide part of a message. Line breaks and tabs stay.
    public var terminalSafe: String {
        guard unicodeScalars.contains(where: Self.needsEscape) else { return self }
        var out = ""
        for scalar in unicodeScalars {
            if Self.needsEscape(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The same for text that must stay one line (a diagnostic): line breaks and tabs are
    /// escaped too, so a file name or a value cannot print a line that looks like another message.
    public var terminalLine: String {
        terminalSafe.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t")
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F: return true
        default: return false
        }
    }
}
