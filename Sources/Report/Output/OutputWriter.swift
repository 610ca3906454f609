import Digest
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

    /// Whether this process has swapped a new report in; read under `swapLock` by an
    /// interruption, to say which report is there.
    nonisolated(unsafe) public private(set) static var published = false

    /// Writes `files` as the new contents of `directory`.
    /// - Parameter protected: folders the report must never replace or contain (the chapters,
    ///   the project), refused even when they carry the marker.
    /// - Returns: warnings: what someone put into the old report while the build ran, kept.
    @discardableResult
    public static func replace(_ directory: URL, with files: ReportFiles, protecting protected: [URL] = [],
                               outside: [URL] = []) throws -> [String] {
        try checkReplaceable(directory, protecting: protected, outside: outside)
        do {
            return try swap(directory, with: files)
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            throw Diagnostic(at: nil, "cannot write the report into '\(directory.relativePath)': \(reason(error)); the previous report is unchanged")
        }
    }

    /// The same for files already made.
    @discardableResult
    public static func replace(_ directory: URL, with files: [OutputFile], protecting protected: [URL] = [],
                               outside: [URL] = []) throws -> [String] {
        try replace(directory, with: ReportFiles(files), protecting: protected, outside: outside)
    }

    /// "permission denied", "no space left on device": the system's reason, without paths.
    static func reason(_ error: Error) -> String {
        if let failure = error as? NewFile.Failure { return failure.description }
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

    /// Whether `directory` holds exactly `files` and `marker` — the same paths with the same
    /// bytes, and nothing else: no other file, no link, no mount. Files are made one at a time
    /// and compared as they come; the first difference ends it.
    static func holds(_ directory: URL, exactly files: ReportFiles, marker: OutputFile) -> Bool {
        guard listsExactly(directory, files.paths + [marker.path]) else { return false }
        let same = { (file: OutputFile) in
            FileManager.default.contents(atPath: directory.appendingPathComponent(file.path).path).map { [UInt8]($0) == file.bytes } ?? false
        }
        return same(marker) && files.allSatisfy(same)
    }

    /// Whether the regular files under `directory` are exactly `paths`, with no link, mount or
    /// other thing beside them.
    private static func listsExactly(_ directory: URL, _ paths: [String]) -> Bool {
        guard let entries = FolderTree.entries(of: directory.path) else { return false }
        var present = Set<String>()
        for entry in entries {
            switch entry.kind {
            case .file: present.insert(entry.path)
            case .folder: continue
            case .link, .mountPoint, .other: return false
            }
        }
        return present == Set(paths)
    }

    /// A written file's size and checksum, to check it was not changed before it is published.
    private struct Written {
        let path: String
        let size: Int
        let checksum: UInt64
    }

    /// Whether `directory` holds exactly the `written` files, read back.
    private static func holds(_ directory: URL, exactly written: [Written]) -> Bool {
        guard listsExactly(directory, written.map(\.path)) else { return false }
        return written.allSatisfy { file in
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(file.path).path) else { return false }
            return data.count == file.size && FNV1a.hash64(data) == file.checksum
        }
    }

    /// What a build may delete from the report at `directory`, by its marker.
    static func claim(of directory: URL) -> ReportMarker.Claim {
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(markerFileName).path) else { return .nothing }
        return ReportMarker.claim(of: String(decoding: data, as: UTF8.self))
    }

    /// Removes a report folder this writer made, the files its marker claims and the marker
    /// last, so that a removal cut short still leaves a folder known as ours. What it did not
    /// write stays, with the marker; returns what was left.
    @discardableResult
    static func removeReport(_ folder: URL) -> [String] {
        let allowed: Set<String>?
        switch claim(of: folder) {
        case .files(let files): allowed = files.subtracting([markerFileName])
        case .everyFile: allowed = nil
        case .nothing: return [""]
        }
        let left = FolderTree.remove(folder.path, allowing: allowed, keeping: markerFileName)
        guard left == [markerFileName] else { return left.filter { $0 != markerFileName } }
        unlink(folder.appendingPathComponent(markerFileName).path)
        rmdir(folder.path)
        return []
    }

    private static func swap(_ directory: URL, with files: ReportFiles) throws -> [String] {
        let marker = ReportMarker.file(listing: files.paths)
        if holds(directory, exactly: files, marker: marker) { return [] }
        let fileManager = FileManager.default
        let parent = directory.deletingLastPathComponent()
        let name = directory.lastPathComponent
        let tag = "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        let staging = parent.appendingPathComponent(".\(name).staging-\(tag)")
        let previous = parent.appendingPathComponent(".\(name).previous-\(tag)")
        guard mkdir(staging.path, 0o755) == 0 else {
            throw Diagnostic(at: nil, "cannot write the report into '\(directory.relativePath)': \(SystemError.reason(errno)); the previous report is unchanged")
        }
        var old = stat()
        let hadPrevious = lstat(directory.path, &old) == 0
        if hadPrevious {
            // The new report keeps the old one's permissions and owner (a private report stays private).
            chmod(staging.path, old.st_mode & 0o7777)
            _ = chown(staging.path, old.st_uid, old.st_gid)
        }
        do {
            // The marker first: a staging folder left by a killed build is known as ours.
            var written = [Written]()
            func write(_ file: OutputFile) throws {
                let url = staging.appendingPathComponent(file.path)
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try NewFile.write(file.bytes, to: url.path)
                written.append(Written(path: file.path, size: file.bytes.count, checksum: FNV1a.hash64(file.bytes)))
            }
            try write(marker)
            for file in files { try write(file) }
            guard holds(staging, exactly: written) else {
                throw Diagnostic(at: nil, "the new report changed while it was being written (files removed or added in '\(staging.lastPathComponent)'); nothing was published, and the previous report in '\(directory.relativePath)' is unchanged")
            }
            // What the old report holds is checked again just before it goes: a file put there
            // during the build is refused, not swept aside.
            if hadPrevious { try checkOnlyOwnFiles(of: directory) }
        } catch {
            removeReport(staging)
            throw error
        }
        swapLock.lock()
        do {
            if hadPrevious { try fileManager.moveItem(at: directory, to: previous) }
            try fileManager.moveItem(at: staging, to: directory)
        } catch {
            var status = stat()
            if hadPrevious, lstat(directory.path, &status) != 0 { try? fileManager.moveItem(at: previous, to: directory) }
            swapLock.unlock()
            removeReport(staging)
            throw error
        }
        published = true
        swapLock.unlock()
        guard hadPrevious else { return [] }
        let left = removeReport(previous)
        return left.isEmpty ? [] : ["\(left.count) file\(left.count == 1 ? "" : "s") put into '\(directory.relativePath)' while the build ran \(left.count == 1 ? "was" : "were") not the report's and \(left.count == 1 ? "is" : "are") kept in '\(previous.lastPathComponent)' (\(left.prefix(3).joined(separator: ", ")))"]
    }
}
