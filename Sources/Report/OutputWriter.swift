import Foundation

/// Replaces the output folder with a new set of files, all or nothing: everything is written
/// into a hidden staging folder beside it first, and only then swapped in. A failure before the
/// swap leaves the previous report exactly as it was.
public enum OutputWriter {
    public static func replace(_ directory: URL, with files: [OutputFile]) throws {
        let fileManager = FileManager.default
        let parent = directory.deletingLastPathComponent()
        let name = directory.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(name).staging-\(pid)")
        let previous = parent.appendingPathComponent(".\(name).previous-\(pid)")
        try? fileManager.removeItem(at: staging)
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            for file in files {
                let url = staging.appendingPathComponent(file.path)
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.bytes).write(to: url)
            }
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
        let hadPrevious = fileManager.fileExists(atPath: directory.path)
        if hadPrevious { try fileManager.moveItem(at: directory, to: previous) }
        do {
            try fileManager.moveItem(at: staging, to: directory)
        } catch {
            if hadPrevious { try? fileManager.moveItem(at: previous, to: directory) }
            try? fileManager.removeItem(at: staging)
            throw error
        }
        if hadPrevious { try? fileManager.removeItem(at: previous) }
    }
}
