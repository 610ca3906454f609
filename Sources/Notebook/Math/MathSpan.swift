/// TeX math written in a chapter's prose: `$…$` inline or `$$…$$` on display. Report turns it
/// into MathML; the place is kept so that an unsupported command is reported where it is.
public struct MathSpan: Sendable, Hashable {
    /// A byte position in a chapter: 1-based line, 0-based byte on the line.
    public struct Point: Sendable, Hashable, Comparable {
        public let line: Int
        public let byte: Int

        public static func < (lhs: Point, rhs: Point) -> Bool { (lhs.line, lhs.byte) < (rhs.line, rhs.byte) }
    }

    /// The TeX between the dollars, as written (it may span lines on display).
    public let tex: String
    public let display: Bool
    /// The opening dollar.
    public let start: Point
    /// Just past the closing dollar.
    public let end: Point
    /// Where the TeX begins, for diagnostics (column in characters).
    public let texLocation: SourceLocation

    /// Where byte `offset` of `tex` is in the chapter, for a diagnostic.
    public func location(atTeXOffset offset: Int) -> SourceLocation {
        let before = tex.utf8.prefix(max(0, min(offset, tex.utf8.count)))
        let lineBreaks = before.filter { $0 == UInt8(ascii: "\n") }.count
        let lastLine = before.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).last ?? []
        let characters = String(decoding: lastLine, as: UTF8.self).count
        return lineBreaks == 0
            ? SourceLocation(file: texLocation.file, line: texLocation.line, column: texLocation.column + characters)
            : SourceLocation(file: texLocation.file, line: texLocation.line + lineBreaks, column: characters + 1)
    }

    /// Whether a byte of the chapter lies between the dollars (dollars included).
    public func contains(line: Int, byte: Int) -> Bool {
        let point = Point(line: line, byte: byte)
        return start <= point && point < end
    }
}
