/// One file of the finished report, relative to the output folder.
public struct OutputFile: Sendable, Equatable {
    /// e.g. "index.html", "figures/teacher_loss.png"
    public let path: String
    public let bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}
