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

    /// What a marker says the build may delete.
    enum Claim: Equatable {
        /// The files it lists.
        case files(Set<String>)
        /// Every regular file: the marker of an older version, which listed none, word for word.
        case everyFile
        /// Nothing: a file of that name that distillery did not write (an empty one, say).
        case nothing
    }

    static func claim(of text: String) -> Claim {
        if text == heading { return .everyFile }
        guard text.hasPrefix(heading + listing) else { return .nothing }
        return .files(Set(text.dropFirst(heading.count + listing.count).split(separator: "\n").map(String.init)))
    }
}
