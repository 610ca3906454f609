/// A mistake in the book, reported the way a compiler does:
/// `chapters/02-student.md:14:1: error: unknown option 'hiden' for {train}; did you mean 'hidden'?`
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the mistake is; nil for problems with no place in a file (e.g. a missing folder).
    public let location: SourceLocation?
    public let message: String

    public init(at location: SourceLocation?, _ message: String) {
        self.location = location
        self.message = message
    }

    /// One line, safe to print on a terminal: control characters and line breaks from the
    /// book are shown escaped.
    public var description: String {
        if let location { return "\(location): error: \(message)".terminalLine }
        return "error: \(message)".terminalLine
    }
}

/// One or more diagnostics from a stage that checks everything before giving up, so the user
/// sees every mistake at once. Sorted by location.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted { a, b in
            let (l, r) = (a.location ?? SourceLocation(file: "", line: 0), b.location ?? SourceLocation(file: "", line: 0))
            return l != r ? l < r : a.message < b.message
        }
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
