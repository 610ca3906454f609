/// A data or weights file that cannot be read; `line` is 1-based where known.
public struct DataFileError: Error, CustomStringConvertible, Sendable, Equatable {
    public let file: String
    public let line: Int?
    /// 1-based column in characters, where known.
    public let column: Int?
    public let message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line):\(column ?? 1): \(message)" }
        return "\(file): \(message)"
    }
}
