/// Where text that is not fit to read goes wrong, for a diagnostic that points at the byte.
public enum TextCheck {
    /// The position of the first byte sequence that is not UTF-8 (line, and the column counted
    /// in characters before it); the file's start when every byte is valid.
    public static func firstInvalidUTF8(_ bytes: [UInt8], file: String) -> SourceLocation {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var line = 1, column = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                return SourceLocation(file: file, line: 1)
            case .error:
                return SourceLocation(file: file, line: line, column: column)
            }
        }
    }

    /// The position of the first NUL character, which no text file holds; nil when none.
    public static func firstNUL(_ text: String, file: String) -> SourceLocation? {
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            if scalar == "\0" { return SourceLocation(file: file, line: line, column: column) }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return nil
    }
}
