/// The records of CSV text as RFC 4180 defines them, with where each field starts: fields
/// separated by commas, records by line breaks (LF or CRLF); a field in double quotes may hold
/// commas, line breaks and quotes written twice (`"say ""hi"""`). Beyond the RFC, as people
/// write CSV by hand: spaces around an unquoted field are trimmed, spaces around a quoted one
/// ignored, and blank lines skipped.
enum CSVRecords {
    struct Record {
        /// The line the record starts on, 1-based.
        let line: Int
        var fields: [String] = []
        /// Each field's first column (1-based, in Unicode scalars).
        var columns: [Int] = []
        /// Whether the record is one unquoted field of nothing but spaces: a blank line.
        var isBlank: Bool { fields.count == 1 && fields[0].isEmpty && !anyQuoted }
        var anyQuoted = false
    }

    /// Where the reader is inside a field.
    private enum State { case unquoted, quoted, afterQuote }

    static func parse(_ text: Substring, fileName: String) throws -> [Record] {
        let scalars = Array(text.unicodeScalars)
        var records = [Record]()
        var record = Record(line: 1)
        var field = "", fieldColumn = 1, state = State.unquoted, wasQuoted = false
        var quoteLine = 1, quoteColumn = 1
        var line = 1, column = 1, index = 0

        func endField() {
            record.fields.append(wasQuoted ? field : String(Substring(field).trimmingWhitespace()))
            record.columns.append(fieldColumn)
            record.anyQuoted = record.anyQuoted || wasQuoted
            (field, wasQuoted, state) = ("", false, .unquoted)
        }

        while index < scalars.count {
            let scalar = scalars[index]
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            index += 1
            column += 1
            switch state {
            case .quoted:
                if scalar == "\"" {
                    if next == "\"" {
                        field.unicodeScalars.append("\"")
                        index += 1
                        column += 1
                    } else {
                        state = .afterQuote
                    }
                } else if scalar == "\n" || scalar == "\r" {
                    if scalar == "\r", next == "\n" { index += 1 }
                    field.unicodeScalars.append("\n")  // a quoted CRLF reads as one line break
                    line += 1
                    column = 1
                } else {
                    field.unicodeScalars.append(scalar)
                }
            case .unquoted, .afterQuote:
                switch scalar {
                case ",":
                    endField()
                    fieldColumn = column
                case "\n", "\r":
                    if scalar == "\r", next == "\n" { index += 1 }
                    endField()
                    if !record.isBlank { records.append(record) }
                    line += 1
                    column = 1
                    record = Record(line: line)
                    fieldColumn = 1
                case "\"" where state == .unquoted && field.allSatisfy(\.isWhitespace):
                    (field, wasQuoted, state) = ("", true, .quoted)
                    (quoteLine, quoteColumn) = (line, column - 1)
                case " ", "\t":
                    if state == .unquoted { field.unicodeScalars.append(scalar) }
                default:
                    if state == .afterQuote {
                        throw DataFileError(file: fileName, line: line, column: column - 1,
                                            "'\(Character(scalar))' after the closing quote of a field; a quoted field ends at its quote, followed by ',' or the end of the line (a quote inside it is written \"\")")
                    }
                    field.unicodeScalars.append(scalar)
                }
            }
        }
        if state == .quoted {
            throw DataFileError(file: fileName, line: quoteLine, column: quoteColumn, "the quoted field that starts here has no closing quote")
        }
        endField()
        if !record.isBlank { records.append(record) }
        return records
    }
}
