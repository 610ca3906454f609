/// Finds TeX math in a chapter's prose, never in code or raw HTML, by the usual rules that keep
/// prices as text ("$5 and $10"):
/// - `$$…$$` is display math; it may span lines but not a blank line.
/// - `$…$` is inline math on one line: the opening `$` is not followed by a space, the closing
///   one is not preceded by a space nor followed by a digit.
/// - `\$` is a literal dollar, in prose and in math.
public enum MathScanner {
    public static func scan(_ source: String, literal: [MarkdownDocument.SourceRegion], file: String) throws -> [MathSpan] {
        let lines = source.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        let dollar = UInt8(ascii: "$")
        var found = [MathSpan]()
        var problems = [Diagnostic]()

        func isLiteral(_ line: Int, _ byte: Int) -> Bool {
            literal.contains { $0.contains(line: line, column: byte + 1) }
        }
        /// An unescaped dollar outside code at (line, byte).
        func isDollar(_ line: Int, _ byte: Int) -> Bool {
            let bytes = lines[line - 1]
            guard byte < bytes.count, bytes[byte] == dollar, !isLiteral(line, byte) else { return false }
            var backslashes = 0
            while byte - backslashes - 1 >= 0, bytes[byte - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
            return backslashes % 2 == 0
        }
        func location(_ line: Int, _ byte: Int) -> SourceLocation {
            SourceLocation(file: file, line: line, column: String(decoding: lines[line - 1].prefix(byte), as: UTF8.self).count + 1)
        }
        func text(from start: MathSpan.Point, to end: MathSpan.Point) -> String {
            if start.line == end.line { return String(decoding: lines[start.line - 1][start.byte..<end.byte], as: UTF8.self) }
            var parts = [lines[start.line - 1][start.byte...]]
            for line in (start.line + 1)..<end.line { parts.append(lines[line - 1][...]) }
            parts.append(lines[end.line - 1][..<end.byte])
            return parts.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
        }

        var line = 1, byte = 0
        while line <= lines.count {
            let bytes = lines[line - 1]
            guard byte < bytes.count else { line += 1; byte = 0; continue }
            guard isDollar(line, byte) else { byte += 1; continue }
            if byte + 1 < bytes.count, bytes[byte + 1] == dollar {
                // Display math: find the closing "$$", stopping at a blank line.
                let texStart = MathSpan.Point(line: line, byte: byte + 2)
                var closing: MathSpan.Point?
                var (l, b) = (line, byte + 2)
                search: while l <= lines.count {
                    let row = lines[l - 1]
                    if l > line, row.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }) { break }
                    while b + 1 < row.count {
                        if isDollar(l, b), row[b + 1] == dollar { closing = MathSpan.Point(line: l, byte: b); break search }
                        b += 1
                    }
                    l += 1; b = 0
                }
                guard let closing else {
                    problems.append(Diagnostic(at: location(line, byte), "'$$' opens display math that is not closed by '$$' before the paragraph ends"))
                    line += 1; byte = 0
                    continue
                }
                let tex = text(from: texStart, to: closing)
                if tex.allSatisfy(\.isWhitespace) {
                    problems.append(Diagnostic(at: location(line, byte), "empty display math '$$$$'"))
                } else {
                    found.append(MathSpan(tex: tex, display: true, start: MathSpan.Point(line: line, byte: byte),
                                          end: MathSpan.Point(line: closing.line, byte: closing.byte + 2),
                                          texLocation: location(texStart.line, texStart.byte)))
                }
                (line, byte) = (closing.line, closing.byte + 2)
                continue
            }
            // Inline math: the opening dollar must be followed by a non-space on the same line.
            guard byte + 1 < bytes.count, !isSpace(bytes[byte + 1]) else { byte += 1; continue }
            var close = byte + 1
            while close < bytes.count {
                if isDollar(line, close), !isSpace(bytes[close - 1]),
                   close + 1 >= bytes.count || !isDigit(bytes[close + 1]) { break }
                close += 1
            }
            guard close < bytes.count else { byte += 1; continue }  // no closing dollar: a price
            found.append(MathSpan(tex: text(from: MathSpan.Point(line: line, byte: byte + 1), to: MathSpan.Point(line: line, byte: close)),
                                  display: false, start: MathSpan.Point(line: line, byte: byte),
                                  end: MathSpan.Point(line: line, byte: close + 1), texLocation: location(line, byte + 1)))
            byte = close + 1
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return found
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
