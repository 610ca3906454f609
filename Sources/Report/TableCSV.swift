import Foundation

import Notebook

extension Table {
    /// The table as CSV (RFC 4180): header, then rows; fields with a comma, quote or line break
    /// quoted, quotes doubled.
    var csv: String {
        ([header] + rows).map { row in
            row.map { field in
                field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                    ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }.joined(separator: ",")
        }.joined(separator: "\r\n") + "\r\n"
    }
}
