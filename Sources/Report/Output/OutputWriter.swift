import Foundation
import Notebook
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces the output folder with a new set of files, all or nothing: everything is written
/// into a hidden staging folder beside it first, checked, and only then swapped in by two
/// renames. A failure before the swap leaves the previous report exactly as it was.
///
/// The writer only ever replaces a folder it wrote itself, and deletes only what it wrote: each
/// report carries a marker file listing its files (`ReportMarker`), a folder that exists without
/// it is refused unless it is empty, and anything else found inside — a file of the user's, a
/// link, a mounted file system — makes the build refuse rather than delete it. Without these
/// rules `--output chapters` or `--output .` would move the user's own folder aside and delete
/// it. Callers hold `lock(_:)` around the recovery, the check and the replacement.
public enum OutputWriter {
    /// Held while the old report is moved aside and the new one moved in: a process that must
    /// exit (Ctrl-C) takes it first, so it never leaves the output folder missing.
    public static let swapLock = NSLock()

    /// The file that marks a folder as a report written by Distillery.
    public static let markerFileName = ReportMarker.fileName

    /// Writes `files` as the new contents of `directory`.
    /// - Parameter protected: folders the report must never replace or contain (the chapters,
    ///   the project), refused even when they carry the marker.
    public static func replace(_ directory: URL, with files: [OutputFile], protecting protected: [URL] = [],
                               outside: [URL] = []) throws {
        try checkReplaceable(directory, protecting: protected, outside: outside)
        do {
            try swap(directory, with: files)
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            throw Diagnostic(at: nil, "cannot write the report into '\(directory.relativePath)': \(reason(error)); the previous report is unchanged")
        }
    }

    /// "permission denied", "no space left on device": the system's reason, without paths.
    static func reason(_ error: Error) -> String {
        var current: NSError? = error as NSError
        while let error = current {
            if error.domain == NSPOSIXErrorDomain { return SystemError.reason(Int32(error.code)) }
            current = error.userInfo[NSUnderlyingErrorKey] as? NSError
        }
        let code = (error as NSError).code
        if [CocoaError.fileWriteNoPermission.rawValue, CocoaError.fileReadNoPermission.rawValue].contains(code) { return "permission denied" }
        if code == CocoaError.fileWriteOutOfSpace.rawValue { return "no space left on the device" }
        if code == CocoaError.fileWriteVolumeReadOnly.rawValue { return "the file system is read-only" }
        if code == CocoaError.fileWriteInvalidFileName.rawValue { return "a file name is too long or not allowed there" }
        if code == CocoaError.fileWriteFileExists.rawValue { return "a file is in the way" }
        return "the system refused (\((error as NSError).code))"
    }

    /// Whether `directory` holds exactly `files` — the same paths with the same bytes, and
    /// nothing else: no other file, no link, no mount.
    static func holds(_ directory: URL, exactly files: [OutputFile]) -> Bool {
        guard let entries = FolderTree.entries(of: directory.path) else { return false }
        var present = Set<String>()
        for entry in entries {
            switch entry.kind {
            case .file: present.insert(entry.path)
            case .folder: continue
            case .link, .mountPoint, .other: return false
            }
        }
        guard present == Set(files.map(\.path)) else { return false }
        return files.allSatisfy { file in
            FileManager.default.contents(atPath: directory.appendingPathComponent(file.path).path).map { [UInt8]($0) == file.bytes } ?? false
        }
    }

    /// The files a build may delete from the report at `directory`: those its marker lists,
    /// and the marker; nil (any regular file) for a marker that lists none.
    static func ownFiles(of directory: URL) -> Set<String>? {
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(markerFileName).path),
              let listed = ReportMarker.files(in: String(decoding: data, as: UTF8.self)) else { return nil }
        return listed.union([markerFileName])
    }

    private static func swap(_ directory: URL, with files: [OutputFile]) throws {
        let marker = ReportMarker.file(listing: files)
        let complete = [marker] + files
        if holds(directory, exactly: complete) { return }
        let fileManager = FileManager.default
        let parent = directory.deletingLastPathComponent()
        let name = directory.lastPathComponent
        let tag = "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        let staging = parent.appendingPathComponent(".\(name).staging-\(tag)")
        let previous = parent.appendingPathComponent(".\(name).previous-\(tag)")
        guard mkdir(staging.path, 0o755) == 0 else {
            throw Diagnostic(at: nil, "cannot write the report into '\(directory.relativePath)': \(SystemError.reason(errno)); the previous report is unchanged")
        }
        let written = Set(complete.map(\.path))
        do {
            // The marker first: a staging folder left by a killed build is known as ours.
            for file in complete {
                let url = staging.appendingPathComponent(file.path)
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.bytes).write(to: url)
            }
            guard holds(staging, exactly: complete) else {
                throw Diagnostic(at: nil, "the new report changed while it was being written (another program removed or added files in '\(staging.lastPathComponent)'); nothing was published, and the previous report in '\(directory.relativePath)' is unchanged")
            }
        } catch {
            FolderTree.remove(staging.path, allowing: written)
            throw error
        }
        let previousFiles = ownFiles(of: directory)
        swapLock.lock()
        var status = stat()
        let hadPrevious = lstat(directory.path, &status) == 0
        do {
            if hadPrevious { try fileManager.moveItem(at: directory, to: previous) }
            try fileManager.moveItem(at: staging, to: directory)
        } catch {
            if hadPrevious, lstat(directory.path, &status) != 0 { try? fileManager.moveItem(at: previous, to: directory) }
            swapLock.unlock()
            FolderTree.remove(staging.path, allowing: written)
            throw error
        }
        swapLock.unlock()
        if hadPrevious { FolderTree.remove(previous.path, allowing: previousFiles) }
    }
}
