import Foundation

/// Finds inline values and cross-references in a chapter's prose (never in code, raw HTML,
/// link destinations or math: only inside the text spans cmark found, outside `math`).
///
/// - `{{ name.field | format }}` on one line; the format is optional. `\{{` is literal text.
/// - `@name` at the start of a word (not inside an e-mail address); `\@` is literal text.
public enum ProseScanner {
    public static func scan(_ source: String, spans: [MarkdownDocument.TextSpan], math: [MathSpan] = [],
                            file: String) throws -> [ProseReference] {
        let lines = source.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        var found = [ProseReference]()
        var problems = [Diagnostic]()
        // Positions and formulas are found without rescanning: columns continue from the last
        // one asked, formulas by binary search. The scan is linear in the chapter's length.
        var columns = TextColumns(lines)
        let formulas = math.sorted { $0.start < $1.start }
        func formula(at line: Int, _ byte: Int) -> MathSpan? {
            let point = MathSpan.Point(line: line, byte: byte)
            var low = 0, high = formulas.count  // the first formula starting after the point
            while low < high {
                let middle = (low + high) / 2
                if formulas[middle].start <= point { low = middle + 1 } else { high = middle }
            }
            return low > 0 && formulas[low - 1].contains(line: line, byte: byte) ? formulas[low - 1] : nil
        }
        for span in spans where span.line <= lines.count {
            let line = lines[span.line - 1]
            guard span.endColumn <= line.count else { continue }
            var index = span.startColumn - 1
            let end = span.endColumn  // exclusive, 0-based
            func location(_ byte: Int) -> SourceLocation {
                SourceLocation(file: file, line: span.line, column: columns.column(line: span.line, byte: byte))
            }
            while index < end {
                let byte = line[index]
                let escaped = index > 0 && line[index - 1] == UInt8(ascii: "\\")
                if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "@"), let formula = formula(at: span.line, index) {
                    index = formula.end.line == span.line ? formula.end.byte : end
                    continue
                }
                if byte == UInt8(ascii: "{"), index + 1 < end, line[index + 1] == UInt8(ascii: "{"), !escaped {
                    guard let close = closingBraces(in: line, from: index + 2, to: end) else {
                        problems.append(Diagnostic(at: location(index), "'{{' has no closing '}}' on this line; write {{ name.field | format }}"))
                        break
                    }
                    let inner = String(decoding: line[(index + 2)..<close], as: UTF8.self)
                    switch parseValue(inner) {
                    case .success(let (name, field, format)):
                        found.append(ProseReference(name: name, content: .value(field: field, format: format),
                                                    location: location(index), line: span.line, bytes: index..<(close + 2)))
                    case .failure(let problem):
                        problems.append(Diagnostic(at: location(index), problem.message))
                    }
                    index = close + 2
                    continue
                }
                if byte == UInt8(ascii: "@"), !escaped, isWordStart(line, index),
                   index + 1 < end, isLowercaseLetter(line[index + 1]) {
                    var stop = index + 1
                    while stop < end, isIdentifierByte(line[stop]) { stop += 1 }
                    // A trailing underscore is punctuation in prose ("_@fig_" is emphasis).
                    while line[stop - 1] == UInt8(ascii: "_") { stop -= 1 }
                    let name = String(decoding: line[(index + 1)..<stop], as: UTF8.self)
                    found.append(ProseReference(name: name, content: .crossReference, location: location(index),
                                                line: span.line, bytes: index..<stop))
                    index = stop
                    continue
                }
                index += 1
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return found
    }

    struct Problem: Error { let message: String }

    /// " teacher.test_accuracy | percent(2) " → ("teacher", "test_accuracy", percent(2)).
    static func parseValue(_ inner: String) -> Result<(String, String, ValueFormat), Problem> {
        // In a table cell the bar is written "\|".
        let parts = inner.replacingOccurrences(of: "\\|", with: "|").split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
        let path = parts[0].trimmingCharacters(in: .whitespaces)
        let segments = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        // The name is an identifier; later parts may also be class names such as "3".
        let isPart = { (part: String) in !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") } }
        guard segments.count >= 2, DirectiveScanner.isIdentifier(segments[0]), segments.dropFirst().allSatisfy(isPart) else {
            return .failure(Problem(message: "'{{\(inner)}}' is not an inline value; write {{ name.field }} or {{ name.field | format }}"))
        }
        let formatText = parts.count > 1 ? String(parts[1]) : ""
        if parts.count > 1, formatText.trimmingCharacters(in: .whitespaces).isEmpty {
            return .failure(Problem(message: "missing format after '|'; use one of \(ValueFormat.names.joined(separator: ", "))"))
        }
        guard let format = ValueFormat(formatText) else {
            let word = formatText.trimmingCharacters(in: .whitespaces)
            if let open = word.firstIndex(of: "("), word.hasSuffix(")"),
               ["percent", "fixed"].contains(word[..<open].trimmingCharacters(in: .whitespaces)) {
                let count = word[word.index(after: open)..<word.index(before: word.endIndex)].trimmingCharacters(in: .whitespaces)
                let range = ValueFormat.decimalRange
                return .failure(Problem(message: "format '\(word)' asks for \(count.isEmpty ? "no number of" : "'\(count)'") decimals; write a whole number from \(range.lowerBound) to \(range.upperBound), e.g. \(word[..<open])(2)"))
            }
            return .failure(Problem(message: "unknown format '\(word)'\(didYouMean(word, among: ValueFormat.Style.allCases.map(\.rawValue), choices: ValueFormat.names.joined(separator: ", ")))"))
        }
        return .success((segments[0], segments.dropFirst().joined(separator: "."), format))
    }

    /// The index of the first "}}" in line[start..<end].
    private static func closingBraces(in line: [UInt8], from start: Int, to end: Int) -> Int? {
        let brace = UInt8(ascii: "}")
        return (start..<max(start, end - 1)).first { line[$0] == brace && line[$0 + 1] == brace }
    }

    /// `@` begins a word: at the span's start or after a character that cannot end a word or an
    /// e-mail address's local part.
    private static func isWordStart(_ line: [UInt8], _ index: Int) -> Bool {
        guard index > 0 else { return true }
        let previous = line[index - 1]
        if previous >= 0x80 { return false }  // a letter of another script
        return !(isIdentifierByte(previous) || previous >= UInt8(ascii: "A") && previous <= UInt8(ascii: "Z")
                 || [".", "-", "+", "@", "/", "%"].map { UInt8(ascii: $0) }.contains(previous))
    }

    private static func isLowercaseLetter(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        isLowercaseLetter(byte) || byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") || byte == UInt8(ascii: "_")
    }
}
