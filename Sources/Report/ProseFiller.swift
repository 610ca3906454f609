import Notebook

/// Puts computed values, cross-reference links and formula placeholders into a chapter's
/// Markdown source, in place of `{{ name.field | format }}`, `@name` and `$…$`, before the
/// Markdown is rendered. Lines keep their count, so directive blocks are still found by their line.
enum ProseFiller {
    private struct Edit {
        let line: Int
        let bytes: Range<Int>
        let text: String
    }

    /// - Throws: a value the directive ran without producing (a class its data lacks).
    static func fill(_ source: String, references: [ProseReference], math: [MathSpan], results: [String: DirectiveResult],
                     blocks: BlockRenderer) throws -> String {
        guard !references.isEmpty || !math.isEmpty else { return source }
        var lines = source.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        var edits = [Edit]()
        var problems = [Diagnostic]()
        for reference in references {
            switch reference.content {
            case let .value(field, format):
                let result = results[reference.name]
                let failed = result?.blocks.contains { if case .failure = $0 { true } else { false } } ?? true
                if let result, !failed, result.fields[field] == nil {
                    problems.append(Diagnostic(at: reference.location, "'\(reference.name)' has no value '\(field)' (its data may lack that class)"))
                }
                let text = result?.fields[field].map(format.format) ?? "??"
                edits.append(Edit(line: reference.line, bytes: reference.bytes, text: markdownEscaped(text)))
            case .crossReference:
                guard let target = blocks.target(of: reference.name) else { continue }
                edits.append(Edit(line: reference.line, bytes: reference.bytes,
                                  text: "<a class=\"xref\" href=\"\(target.href.htmlEscaped)\">\(target.label)</a>"))
            }
        }
        for (index, span) in math.enumerated() {
            for line in span.start.line...span.end.line {
                let from = line == span.start.line ? span.start.byte : 0
                let to = line == span.end.line ? span.end.byte : lines[line - 1].count
                edits.append(Edit(line: line, bytes: from..<to, text: line == span.start.line ? Formulas.placeholder(index) : Formulas.continuation))
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        // Right to left within a line, so earlier byte ranges stay valid.
        for edit in edits.sorted(by: { ($0.line, $0.bytes.lowerBound) > ($1.line, $1.bytes.lowerBound) }) {
            lines[edit.line - 1].replaceSubrange(edit.bytes, with: Array(edit.text.utf8))
        }
        return String(decoding: Array(lines.joined(separator: [UInt8(ascii: "\n")])), as: UTF8.self)
    }

    /// Text that Markdown shows as it is: every ASCII punctuation mark backslash-escaped.
    static func markdownEscaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars.contains(scalar) {
                out.append("\\")
            }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
