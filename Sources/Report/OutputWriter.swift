import Foundation
import Notebook

/// Replaces the output folder with a new set of files, all or nothing: everything is written
/// into a hidden staging folder beside it first, and only then swapped in. A failure before the
/// swap leaves the previous report exactly as it was.
///
/// The writer only ever replaces a folder it wrote itself: each report carries a marker file,
/// and a folder that exists without it is refused unless it is empty. Without this rule
/// `--output chapters` or `--output .` would move the user's own folder aside and delete it.
public enum OutputWriter {
    /// Held while the old report is moved aside and the new one moved in: a process that must
    /// exit (Ctrl-C) takes it first, so it never leaves the output folder missing.
    public static let swapLock = NSLock()

    /// The file that marks a folder as a report written by Distillery.
    public static let markerFileName = ".distillery-report"
    static let markerText = "This folder is a report written by 'distillery build'. Every build replaces it as a whole.\n"

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
            if error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))).lowercased() }
            current = error.userInfo[NSUnderlyingErrorKey] as? NSError
        }
        let code = (error as NSError).code
        if [CocoaError.fileWriteNoPermission.rawValue, CocoaError.fileReadNoPermission.rawValue].contains(code) { return "permission denied" }
        if code == CocoaError.fileWriteOutOfSpace.rawValue { return "no space left on the device" }
        if code == CocoaError.fileWriteVolumeReadOnly.rawValue { return "the file system is read-only" }
        return "the system refused (\((error as NSError).code))"
    }

    /// Whether `directory` already holds exactly `files` (and the marker): then a rebuild that
    /// changed nothing writes nothing.
    static func holds(_ directory: URL, exactly files: [OutputFile]) -> Bool {
        let fileManager = FileManager.default
        guard let listed = fileManager.enumerator(atPath: directory.path) else { return false }
        var present = Set<String>()
        while let path = listed.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: directory.appendingPathComponent(path).path, isDirectory: &isDirectory), !isDirectory.boolValue {
                present.insert(path)
            }
        }
        guard present == Set(files.map(\.path) + [markerFileName]) else { return false }
        return files.allSatisfy { file in
            fileManager.contents(atPath: directory.appendingPathComponent(file.path).path).map { [UInt8]($0) == file.bytes } ?? false
        }
    }

    private static func swap(_ directory: URL, with files: [OutputFile]) throws {
        if holds(directory, exactly: files) { return }
        let fileManager = FileManager.default
        let parent = directory.deletingLastPathComponent()
        let name = directory.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(name).staging-\(pid)")
        let previous = parent.appendingPathComponent(".\(name).previous-\(pid)")
        try? fileManager.removeItem(at: staging)
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            for file in files + [OutputFile(path: markerFileName, text: markerText)] {
                let url = staging.appendingPathComponent(file.path)
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.bytes).write(to: url)
            }
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
        swapLock.lock()
        let hadPrevious = fileManager.fileExists(atPath: directory.path)
        do {
            if hadPrevious { try fileManager.moveItem(at: directory, to: previous) }
            try fileManager.moveItem(at: staging, to: directory)
        } catch {
            if hadPrevious, !fileManager.fileExists(atPath: directory.path) { try? fileManager.moveItem(at: previous, to: directory) }
            swapLock.unlock()
            try? fileManager.removeItem(at: staging)
            throw error
        }
        swapLock.unlock()
        if hadPrevious { try? fileManager.removeItem(at: previous) }
    }

    /// Puts back what a build killed outright (SIGKILL, power loss) left half done: a report
    /// moved aside but not replaced is moved back; leftover staging folders are removed.
    public static func recoverInterruptedSwap(_ directory: URL) {
        let fileManager = FileManager.default
        let parent = directory.deletingLastPathComponent()
        let name = directory.lastPathComponent
        guard let entries = try? fileManager.contentsOfDirectory(atPath: parent.path) else { return }
        let previous = entries.filter { $0.hasPrefix(".\(name).previous-") }.sorted()
        if !fileManager.fileExists(atPath: directory.path), let latest = previous.last {
            let moved = parent.appendingPathComponent(latest)
            if fileManager.fileExists(atPath: moved.appendingPathComponent(markerFileName).path) {
                try? fileManager.moveItem(at: moved, to: directory)
            }
        }
        for entry in entries where entry.hasPrefix(".\(name).staging-") || entry.hasPrefix(".\(name).previous-") {
            let url = parent.appendingPathComponent(entry)
            if fileManager.fileExists(atPath: url.path) { try? fileManager.removeItem(at: url) }
        }
    }

    /// Throws unless `directory` is absent, an empty folder, or a report this writer made, and
    /// is clear of every protected folder.
    /// - Parameter outside: folders the report may not be written inside (the chapters).
    public static func checkReplaceable(_ directory: URL, protecting protected: [URL], outside: [URL] = []) throws {
        let shown = directory.relativePath
        let target = resolved(directory)
        if target == "/" || protected.map(resolved).contains(where: { $0 == target || $0.hasPrefix(target + "/") }) {
            throw Diagnostic(at: nil, "refusing to write the report into '\(shown)': it holds the book's own files, which a build would replace; choose a separate folder such as 'output'")
        }
        if outside.map(resolved).contains(where: { target.hasPrefix($0 + "/") }) {
            throw Diagnostic(at: nil, "refusing to write the report into '\(shown)': it is inside the chapters folder; choose a folder outside it, such as 'output'")
        }
        let fileManager = FileManager.default
        if let type = try? fileManager.attributesOfItem(atPath: directory.path)[.type] as? FileAttributeType {
            switch type {
            case .typeDirectory: break
            case .typeSymbolicLink:
                throw Diagnostic(at: nil, "refusing to write the report into '\(shown)': it is a symbolic link; name the real folder")
            default:
                throw Diagnostic(at: nil, "refusing to write the report into '\(shown)': it is a file, not a folder")
            }
        } else {
            return  // absent: created by the swap
        }
        let entries = (try? fileManager.contentsOfDirectory(atPath: directory.path)) ?? []
        guard entries.isEmpty || entries.contains(markerFileName) else {
            throw Diagnostic(at: nil, "refusing to replace '\(shown)': it is not empty and holds no report written by distillery (no \(markerFileName) file); choose another output folder, or empty this one yourself")
        }
    }

    /// The absolute path with symbolic links resolved, without a trailing slash.
    private static func resolved(_ url: URL) -> String {
        let path = url.standardizedFileURL.resolvingSymlinksInPath().path
        return path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }
}
