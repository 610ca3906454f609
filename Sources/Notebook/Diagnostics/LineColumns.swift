/// The 1-based columns of byte offsets on one line, counted in Unicode scalars. Asked from left
/// to right (as scanners find things), each answer continues from the last, so the line is
/// counted once however many positions are asked — never again from its start.
struct LineColumns {
    private let bytes: ArraySlice<UInt8>
    private var byte: Int
    private var column = 1

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        byte = bytes.startIndex
    }

    init(_ bytes: [UInt8]) {
        self.init(bytes[...])
    }

    /// The column of the byte at offset `offset` from the line's start.
    mutating func column(ofByte offset: Int) -> Int {
        let target = bytes.startIndex + min(max(0, offset), bytes.count)
        if target < byte {
            byte = bytes.startIndex
            column = 1
        }
        while byte < target {
            if bytes[byte] & 0xC0 != 0x80 { column += 1 }  // not a UTF-8 continuation byte
            byte += 1
        }
        return column
    }
}

/// Columns on any line of a text, for positions asked mostly in reading order: the counter of
/// the last line asked is kept.
struct TextColumns {
    private let lines: [[UInt8]]
    private var current = (line: 0, counter: LineColumns([]))

    init(_ lines: [[UInt8]]) {
        self.lines = lines
    }

    /// The column of 0-based byte `byte` on 1-based line `line`.
    mutating func column(line: Int, byte: Int) -> Int {
        if current.line != line { current = (line, LineColumns(lines[line - 1])) }
        return current.counter.column(ofByte: byte)
    }
}
