/// The files of a report, made one at a time as they are read: chapter pages are put together
/// from the rendered chapters when their turn comes, so a book's pages are never all in memory
/// at once (with many chapters, their navigation makes the pages together far larger than the
/// book). Reading the sequence again makes the same files again.
public struct ReportFiles: Sequence, Sendable {
    /// Every file's path, in the order the files come.
    public let paths: [String]
    private let make: @Sendable (Int) -> OutputFile

    /// - Parameter make: the file at an index of `paths`.
    init(paths: [String], make: @escaping @Sendable (Int) -> OutputFile) {
        self.paths = paths
        self.make = make
    }

    /// Files already made.
    public init(_ files: [OutputFile]) {
        self.init(paths: files.map(\.path)) { files[$0] }
    }

    public var count: Int { paths.count }

    public func makeIterator() -> AnyIterator<OutputFile> {
        var index = 0
        return AnyIterator {
            guard index < paths.count else { return nil }
            defer { index += 1 }
            return make(index)
        }
    }
}
