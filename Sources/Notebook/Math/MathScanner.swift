/// Finds TeX math in a chapter's prose, never in code or raw HTML, by the usual rules that keep
/// prices as text ("$5 and $10"):
/// - `$$…$$` is display math; it may span lines but not a blank line.
/// - `$…$` is inline math on one line: the opening `$` is not followed by a space, the closing
///   one is not preceded by a space nor followed by a digit.
/// - `\$` is a literal dollar, in prose and in math.
///
/// The scan is linear in the chapter's length: it visits each line's dollars in order and finds
/// a closing dollar by moving a cursor forward, never by searching again from each opening (a
/// line of `$x $x $x …` has no closing dollar for any of them).
public enum MathScanner {
    public static func scan(_ source: String, literal: [MarkdownDocument.SourceRegion], file: String) throws -> [MathSpan] {
        var scanner = Scanner(lines: source.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init),
                              literal: MarkdownDocument.SourceRegions(literal), file: file)
        return try scanner.scan()
    }

    private struct Scanner {
        let lines: [[UInt8]]
        let literal: MarkdownDocument.SourceRegions
        let file: String
        var columns: TextColumns
        var found = [MathSpan]()
        var problems = [Diagnostic]()

        init(lines: [[UInt8]], literal: MarkdownDocument.SourceRegions, file: String) {
            self.lines = lines
            self.literal = literal
            self.file = file
            columns = TextColumns(lines)
        }

        static let dollar = UInt8(ascii: "$")

        /// The bytes of `line` holding an unescaped dollar outside code, in order.
        func dollars(on line: Int) -> [Int] {
            let bytes = lines[line - 1]
            var positions = [Int](), backslashes = 0
            for (byte, value) in bytes.enumerated() {
                if value == Self.dollar, backslashes % 2 == 0, !literal.contains(line: line, column: byte + 1) { positions.append(byte) }
                backslashes = value == UInt8(ascii: "\\") ? backslashes + 1 : 0
            }
            return positions
        }

        mutating func location(_ line: Int, _ byte: Int) -> SourceLocation {
            SourceLocation(file: file, line: line, column: columns.column(line: line, byte: byte))
        }

        func text(from start: MathSpan.Point, to end: MathSpan.Point) -> String {
            if start.line == end.line { return String(decoding: lines[start.line - 1][start.byte..<end.byte], as: UTF8.self) }
            var parts = [lines[start.line - 1][start.byte...]]
            for line in (start.line + 1)..<end.line { parts.append(lines[line - 1][...]) }
            parts.append(lines[end.line - 1][..<end.byte])
            return parts.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
        }

        mutating func scan() throws -> [MathSpan] {
            var line = 1, byte = 0
            while line <= lines.count {
                let bytes = lines[line - 1]
                let positions = dollars(on: line)
                // Closing candidates for inline math, and a cursor into them that only moves on.
                let closers = positions.filter { $0 > 0 && !isSpace(bytes[$0 - 1]) && ($0 + 1 >= bytes.count || !isDigit(bytes[$0 + 1])) }
                var next = 0, nextCloser = 0
                var resumeLine: Int?
                while next < positions.count {
                    let start = positions[next]
                    guard start >= byte else { next += 1; continue }
                    if start + 1 < bytes.count, bytes[start + 1] == Self.dollar {
                        if let closing = displayClose(from: MathSpan.Point(line: line, byte: start + 2)) {
                            let texStart = MathSpan.Point(line: line, byte: start + 2)
                            let tex = text(from: texStart, to: closing)
                            if tex.allSatisfy(\.isWhitespace) {
                                problems.append(Diagnostic(at: location(line, start), "empty display math '$$$$'"))
                            } else {
                                found.append(MathSpan(tex: tex, display: true, start: MathSpan.Point(line: line, byte: start),
                                                      end: MathSpan.Point(line: closing.line, byte: closing.byte + 2),
                                                      texLocation: location(texStart.line, texStart.byte)))
                            }
                            if closing.line != line { resumeLine = closing.line }
                            byte = closing.byte + 2
                        } else {
                            problems.append(Diagnostic(at: location(line, start), "'$$' opens display math that is not closed by '$$' before the paragraph ends"))
                            byte = bytes.count  // the rest of this line is read as prose
                        }
                        if resumeLine != nil { break }
                        next += 1
                        continue
                    }
                    next += 1
                    // Inline math: the opening dollar must be followed by a non-space.
                    guard start + 1 < bytes.count, !isSpace(bytes[start + 1]) else { continue }
                    while nextCloser < closers.count, closers[nextCloser] <= start { nextCloser += 1 }
                    guard nextCloser < closers.count else { continue }  // no closing dollar: a price
                    let close = closers[nextCloser]
                    found.append(MathSpan(tex: text(from: MathSpan.Point(line: line, byte: start + 1), to: MathSpan.Point(line: line, byte: close)),
                                          display: false, start: MathSpan.Point(line: line, byte: start),
                                          end: MathSpan.Point(line: line, byte: close + 1), texLocation: location(line, start + 1)))
                    byte = close + 1
                }
                if let resumeLine {
                    line = resumeLine
                } else {
                    line += 1
                    byte = 0
                }
            }
            if !problems.isEmpty { throw DiagnosticList(problems) }
            return found
        }

        /// The first `$$` at or after `from`, on this line or the next ones of its paragraph. (When
        /// there is none, there is no other opening `$$` before the paragraph ends either.)
        func displayClose(from: MathSpan.Point) -> MathSpan.Point? {
            var line = from.line
            while line <= lines.count {
                let row = lines[line - 1]
                if line > from.line, row.allSatisfy({ isSpace($0) }) { break }
                for position in dollars(on: line) where (line > from.line || position >= from.byte) && position + 1 < row.count
                    && row[position + 1] == Self.dollar {
                    return MathSpan.Point(line: line, byte: position)
                }
                line += 1
            }
            return nil
        }

        func isSpace(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
        }

        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    }
}
