/// The file that marks a folder as a report Distillery wrote, and lists the files it wrote: a
/// later build deletes those and nothing else (a file the user put there, or a folder mounted
/// inside, makes the build refuse instead).
enum ReportMarker {
    static let fileName = ".distillery-report"

    private static let heading = "This folder is a report written by 'distillery build'. Every build replaces it as a whole.\n"
    private static let listing = "The files of this report, which the next build removes (and nothing else):\n"

    /// The marker of a report made of the files at `paths`, one path a line, sorted.
    static func file(listing paths: [String]) -> OutputFile {
        OutputFile(path: fileName, text: heading + listing + paths.sorted().map { $0 + "\n" }.joined())
    }

    /// The files a marker lists; nil for the marker of an older version, which listed none
    /// (such a report's regular files and folders are all its own).
    static func files(in text: String) -> Set<String>? {
        guard let start = text.range(of: listing) else { return nil }
        return Set(text[start.upperBound...].split(separator: "\n").map(String.init))
    }
}
