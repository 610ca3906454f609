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
                guard let value = Float(field), value.isFinite else {
                    let why = Float(field) == nil ? "is not a number" : "is not a finite number"
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

extension Substring {
    func trimmingWhitespace() -> Substring {
        var result = self
        while result.first?.isWhitespace == true { result.removeFirst() }
        while result.last?.isWhitespace == true { result.removeLast() }
        return result
    }
}
