import Foundation
import Notebook

extension OutputWriter {
    /// One build at a time writes a given output folder, whichever book it builds: a lock on
    /// the folder that holds it (the output itself is replaced by renames, and a lock file
    /// inside would go with it). Held from before the interrupted-swap recovery to after the
    /// swap, so one build never removes another's staging folder.
    public static func lock(_ directory: URL) throws -> FileLock {
        let shown = directory.relativePath
        let parent = URL(fileURLWithPath: CanonicalPath.of(directory)).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw Diagnostic(at: nil, "cannot write the report into '\(shown)': \(reason(error))")
        }
        return try FileLock(folder: parent.path, waiting: "Another build is writing into '\(shown)'; waiting for it to finish…")
    }
}
