import Foundation

/// Finds the directives in a chapter: fenced code blocks whose info string starts with `{`.
/// Other code blocks are ordinary code and stay as they are.
public enum DirectiveScanner {
    /// Returns the chapter's directives in order, or throws every malformed header found.
    public static func scan(_ document: MarkdownDocument, chapter: Chapter) throws -> [DirectiveInvocation] {
        var invocations = [DirectiveInvocation]()
        var problems = [Diagnostic]()
        for block in document.fencedCodeBlocks where block.info.hasPrefix("{") {
            let location = SourceLocation(file: chapter.displayPath, line: block.line, column: block.column)
            guard block.isClosed else {
                problems.append(Diagnostic(at: location, "this directive's fence has no closing fence (```); everything after it would be read as its options"))
                continue
            }
            switch parseHeader(block.info) {
            case .success(let (kind, name)):
                invocations.append(DirectiveInvocation(kind: kind, name: name, yaml: block.literal,
                                                       location: location))
            case .failure(let problem):
                problems.append(Diagnostic(at: location, problem.message))
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return invocations
    }

    struct HeaderProblem: Error { let message: String }

    /// "{train} teacher" → ("train", "teacher").
    static func parseHeader(_ info: String) -> Result<(String, String), HeaderProblem> {
        guard let close = info.firstIndex(of: "}") else {
            return .failure(HeaderProblem(message: "directive header '\(info)' has no closing '}'; write {kind} name"))
        }
        let kind = String(info[info.index(after: info.startIndex)..<close]).trimmingCharacters(in: .whitespaces)
        let rest = info[info.index(after: close)...].split(separator: " ", omittingEmptySubsequences: true)
        guard isIdentifier(kind) else {
            return .failure(HeaderProblem(message: "'\(kind)' is not a directive kind; write {kind} name"))
        }
        guard let name = rest.first.map(String.init) else {
            return .failure(HeaderProblem(message: "the {\(kind)} directive has no name; write {\(kind)} name"))
        }
        guard isIdentifier(name) else {
            return .failure(HeaderProblem(message: "'\(name)' is not a valid directive name: use lower-case letters, digits and _, starting with a letter"))
        }
        guard name.count <= maximumNameLength else {
            return .failure(HeaderProblem(message: "the name '\(name.prefix(20))…' is \(name.count) characters long; directive names are limited to \(maximumNameLength) (they name the report's files)"))
        }
        guard rest.count == 1 else {
            return .failure(HeaderProblem(message: "unexpected text after the name '\(name)' in the directive header"))
        }
        return .success((kind, name))
    }

    /// The longest directive name: figures and downloads are files named after it.
    public static let maximumNameLength = 64

    /// `[a-z][a-z0-9_]*`
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
