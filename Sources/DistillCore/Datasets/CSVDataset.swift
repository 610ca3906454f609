/// Reads a user's own data set from CSV text: a header row naming the columns, one example per
/// row, every column but the label numeric. Class names are the label column's distinct
/// values, sorted (numerically when they all are numbers), so class indices do not depend on
/// row order. Fields follow RFC 4180 (`CSVRecords`): quoted fields may hold commas, line breaks
/// and doubled quotes, so the report's own CSV downloads read back. A byte order mark and
/// Windows line ends are accepted.
public enum CSVDataset {
    /// - Parameters:
    ///   - fileName: how errors name the file (e.g. "data/flowers.csv").
    ///   - labelColumn: name of the column holding the class.
    ///   - classNames: the classes as another file (the training set) numbers them; a label
    ///     outside them is an error. Nil: this file's own labels, sorted.
    public static func parse(_ text: String, fileName: String, labelColumn: String, classNames given: [String]? = nil) throws -> Dataset {
        let body = text.hasPrefix("\u{FEFF}") ? text.dropFirst() : text[...]
        let rows = try CSVRecords.parse(body, fileName: fileName)
        guard let header = rows.first else { throw DataFileError(file: fileName, "the file is empty") }
        guard let labelIndex = header.fields.firstIndex(of: labelColumn) else {
            throw DataFileError(file: fileName, line: header.line, "no column named '\(labelColumn)'; the columns are \(header.fields.joined(separator: ", "))")
        }
        var seen = [String: Int]()
        for (index, column) in header.fields.enumerated() {
            if let first = seen[column] {
                throw DataFileError(file: fileName, line: header.line, column: header.columns[index],
                                    "the column name '\(column)' appears twice in the header (columns \(first + 1) and \(index + 1)); give each column its own name")
            }
            seen[column] = index
        }
        guard header.fields.count >= 2 else {
            throw DataFileError(file: fileName, line: header.line, "need at least one feature column besides the label")
        }
        let examples = rows.dropFirst()
        guard !examples.isEmpty else { throw DataFileError(file: fileName, "no examples after the header") }
        var values = [Float]()
        var labelTexts = [String]()
        for row in examples {
            guard row.fields.count == header.fields.count else {
                throw DataFileError(file: fileName, line: row.line,
                                   "expected \(header.fields.count) fields as in the header, found \(row.fields.count)")
            }
            for (column, field) in row.fields.enumerated() where column != labelIndex {
                guard let value = Float(field), value.isFinite, isDecimal(field) else {
                    let why = Float(field) == nil ? "is not a number" : !Float(field)!.isFinite ? "is not a finite number"
                        : "is not a decimal number (write it like 16, -0.5 or 1e-3)"
                    throw DataFileError(file: fileName, line: row.line, column: row.columns[column],
                                       "'\(field)' in column '\(header.fields[column])' \(why)")
                }
                values.append(value)
            }
            guard !row.fields[labelIndex].isEmpty else {
                throw DataFileError(file: fileName, line: row.line, column: row.columns[labelIndex],
                                   "the label column '\(labelColumn)' is empty here; every example needs a class")
            }
            labelTexts.append(row.fields[labelIndex])
        }
        let distinct = Set(labelTexts)
        let classNames = given ?? (distinct.allSatisfy { Double($0) != nil }
            ? distinct.sorted { Double($0)! < Double($1)! }
            : distinct.sorted())
        guard classNames.count >= 2 else {
            throw DataFileError(file: fileName, "the label column '\(labelColumn)' has only one class")
        }
        if let unknown = labelTexts.firstIndex(where: { !classNames.contains($0) }) {
            throw DataFileError(file: fileName, line: examples[examples.startIndex + unknown].line,
                                "class '\(labelTexts[unknown])' does not occur in the training data (its classes are \(classNames.joined(separator: ", ")))")
        }
        let classIndex = Dictionary(uniqueKeysWithValues: classNames.enumerated().map { ($1, $0) })
        var featureNames = header.fields
        featureNames.remove(at: labelIndex)
        let name = String(fileName.split(separator: "/").last ?? Substring(fileName))
        return Dataset(name: name, features: Matrix(rows: labelTexts.count, columns: featureNames.count, values: values),
                       labels: labelTexts.map { classIndex[$0]! }, featureNames: featureNames, classNames: classNames)
    }
}

/// Decimal notation only: a sign, digits with at most one point, and an exponent (Swift's
/// `Float("0x10")` reads hexadecimal, which no CSV writer means).
private func isDecimal(_ text: String) -> Bool {
    var bytes = Array(text.utf8)[...]
    if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
    let digits = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    let mantissa = bytes.prefix { digits($0) || $0 == UInt8(ascii: ".") }
    guard mantissa.contains(where: digits), mantissa.filter({ $0 == UInt8(ascii: ".") }).count <= 1 else { return false }
    var rest = bytes.dropFirst(mantissa.count)
    guard let e = rest.first else { return true }
    guard e == UInt8(ascii: "e") || e == UInt8(ascii: "E") else { return false }
    rest = rest.dropFirst()
    if let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { rest = rest.dropFirst() }
    return !rest.isEmpty && rest.allSatisfy(digits)
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var result = self
        while result.first?.isWhitespace == true { result.removeFirst() }
        while result.last?.isWhitespace == true { result.removeLast() }
        return result
    }
}
