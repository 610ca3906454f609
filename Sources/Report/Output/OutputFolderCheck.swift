import Foundation
import Notebook
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension OutputWriter {
    /// Throws unless `directory` is absent, an empty folder, or a report this writer made that
    /// holds nothing else, and is clear of every protected folder. Paths are compared with
    /// every symbolic link resolved, also in the part that does not exist yet.
    /// - Parameter outside: folders the report may not be written inside (the chapters).
    /// - Parameter contents: also check what is inside a report folder (off: only where it is
    ///   and what it is, for a first look before the lock).
    public static func checkReplaceable(_ directory: URL, protecting protected: [URL], outside: [URL] = [],
                                        contents: Bool = true) throws {
        let shown = directory.relativePath
        let target = CanonicalPath.of(directory)
        if target == "/" || protected.map(CanonicalPath.of).contains(where: { CanonicalPath.isWithin($0, target) }) {
            throw Diagnostic(at: nil, "refusing to write the report into '\(shown)': it holds the book's own files, which a build would replace; choose a separate folder such as 'output'")
        }
        if outside.map(CanonicalPath.of).contains(where: { CanonicalPath.isWithin(target, $0) }) {
            throw Diagnostic(at: nil, "refusing to write the report into '\(shown)': it is inside the chapters folder; choose a folder outside it, such as 'output'")
        }
        var status = stat()
        guard lstat(directory.path, &status) == 0 else { return }  // absent: created by the swap
        switch status.st_mode & S_IFMT {
        case S_IFDIR: break
        case S_IFLNK: throw Diagnostic(at: nil, "refusing to write the report into '\(shown)': it is a symbolic link; name the real folder")
        default: throw Diagnostic(at: nil, "refusing to write the report into '\(shown)': it is a file, not a folder")
        }
        var above = stat()
        if MountPoints.contains(target) || (stat((target as NSString).deletingLastPathComponent, &above) == 0 && above.st_dev != status.st_dev) {
            throw Diagnostic(at: nil, "refusing to write the report into '\(shown)': it is a mount point, and a build replaces the output folder by renaming it, which a mount point does not allow; name a folder inside it, such as '\(shown)/report'")
        }
        guard contents, let entries = FolderTree.entries(of: directory.path), !entries.isEmpty else { return }
        guard entries.contains(where: { $0.path == markerFileName && $0.kind == .file }) else {
            throw Diagnostic(at: nil, "refusing to replace '\(shown)': it is not empty and holds no report written by distillery (no \(markerFileName) file); choose another output folder, or empty this one yourself")
        }
        try checkOnlyOwnFiles(entries, of: directory)
    }

    /// The report folder holds only what the build wrote; thrown as a refusal otherwise.
    static func checkOnlyOwnFiles(of directory: URL) throws {
        guard let entries = FolderTree.entries(of: directory.path), !entries.isEmpty else { return }
        try checkOnlyOwnFiles(entries, of: directory)
    }

    /// A report folder may hold only what the build wrote: it is deleted when replaced.
    private static func checkOnlyOwnFiles(_ entries: [FolderTree.Entry], of directory: URL) throws {
        let shown = directory.relativePath
        let files: Set<String>?
        switch claim(of: directory) {
        case .files(let listed): files = listed.union([markerFileName])
        case .everyFile: files = nil
        case .nothing:
            throw Diagnostic(at: nil, "refusing to replace '\(shown)': its \(markerFileName) file is not one distillery wrote (it lists no report), so nothing in the folder is known to be the report's; choose another output folder, or empty this one yourself")
        }
        let folders = files.map { Set($0.flatMap(ancestors)) }
        var foreign = [(path: String, kind: FolderTree.Kind)]()
        for entry in entries {
            // What lies inside a folder already named is not named again.
            if let last = foreign.last, entry.path.hasPrefix(last.path + "/") { continue }
            switch entry.kind {
            case .file: if let files, !files.contains(entry.path) { foreign.append((entry.path, .file)) }
            case .folder: if let folders, !folders.contains(entry.path) { foreign.append((entry.path, .folder)) }
            case .mountPoint, .link, .other: foreign.append((entry.path, entry.kind))
            }
        }
        guard !foreign.isEmpty else { return }
        let named = foreign.prefix(5).map { entry -> String in
            let path = "'\(shown)/\(entry.path)'"
            switch entry.kind {
            case .file: return "\(path) is not a file the report wrote"
            case .folder: return "\(path) is not a folder the report wrote"
            case .mountPoint: return "\(path) is a mount point (another file system), which a build never deletes"
            case .link: return "\(path) is a symbolic link the report did not write"
            case .other: return "\(path) is a device, pipe or socket the report did not write"
            }
        }
        let more = foreign.count > 5 ? ", and \(foreign.count - 5) more" : ""
        let action = foreign.contains { $0.kind == .mountPoint } ? "move them out of the folder (or unmount them)" : "move them out of the folder"
        throw Diagnostic(at: nil, "refusing to replace '\(shown)': \(named.joined(separator: "; "))\(more); every build replaces the output folder as a whole, so \(action) first")
    }

    /// "a/b/c.png" → ["a", "a/b"].
    private static func ancestors(_ path: String) -> [String] {
        var result = [String](), current = path
        while let slash = current.lastIndex(of: "/") {
            current = String(current[..<slash])
            result.append(current)
        }
        return result
    }

    /// Refuses a build that reads a file inside its own output folder, which the build
    /// replaces (deleting the file): at the option that names it, before anything is written.
    public static func checkInputs(_ inputs: [(path: String, location: SourceLocation)], projectDirectory: URL,
                                   output: URL) throws {
        let target = CanonicalPath.of(output)
        let problems = inputs.filter { CanonicalPath.isWithin(CanonicalPath.of(projectDirectory.appendingPathComponent($0.path)), target) }
            .map { Diagnostic(at: $0.location, "'\($0.path)' is inside the output folder '\(output.relativePath)', which every build replaces; move the file out of it, e.g. to data/") }
        if !problems.isEmpty { throw DiagnosticList(problems) }
    }
}
