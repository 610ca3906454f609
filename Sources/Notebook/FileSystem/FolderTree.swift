import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder's tree as the build may touch it: symbolic links are never followed (a link is an
/// entry of its own), and another file system mounted inside — a bind mount too — is an entry
/// that is never entered. Every step goes through the descriptor of the folder above it
/// (`openat`, `unlinkat`), so swapping a folder for a link half-way cannot redirect it.
public enum FolderTree {
    public enum Kind: Sendable, Equatable { case file, folder, link, mountPoint, other }

    public struct Entry: Sendable, Equatable {
        /// Relative to the folder walked, `/`-separated.
        public let path: String
        public let kind: Kind
    }

    /// Everything under the folder at `path`, parents before children; nil when `path` is not a
    /// folder (absent, a file, or a symbolic link).
    public static func entries(of path: String) -> [Entry]? {
        var entries = [Entry]()
        let walked = walk(path) { _, _, entry in
            entries.append(entry)
            return entry.kind == .folder
        } leaving: { _, _, _ in }
        return walked ? entries : nil
    }

    /// Removes the folder at `path` with what is under it, except what the build did not make:
    /// mount points (a folder's or a file's, and what is under them) stay, and with `allowed` only the files it names
    /// (relative paths) are removed, with the folders they leave empty. A link is removed as a
    /// link; `keeping` names one entry at the top that stays (a marker to remove last). Returns
    /// the relative paths left behind (empty when the folder is gone).
    @discardableResult
    public static func remove(_ path: String, allowing allowed: Set<String>? = nil, keeping kept: String? = nil) -> [String] {
        var left = [String]()
        var emptied = [String: Bool]()  // folder → nothing was left inside it
        let walked = walk(path) { _, _, entry in
            switch entry.kind {
            case .folder: emptied[entry.path] = true; return true
            case .mountPoint: left.append(entry.path); return false
            default: return false
            }
        } leaving: { parent, name, entry in
            let removable: Bool
            switch entry.kind {
            case .folder: removable = emptied[entry.path] == true
            case .mountPoint: removable = false
            case .file, .link, .other: removable = entry.path != kept && (allowed.map { $0.contains(entry.path) } ?? true)
            }
            let removed = removable && unlinkat(parent, name, entry.kind == .folder ? AT_REMOVEDIR : 0) == 0
            if !removed {
                if entry.kind != .folder && entry.kind != .mountPoint { left.append(entry.path) }
                var above = entry.path
                while let slash = above.lastIndex(of: "/") {
                    above = String(above[..<slash])
                    emptied[above] = false
                }
                emptied[""] = false
            }
        }
        if !walked {
            // Not a folder: a file or a link in its place goes only if nothing restricts it.
            var status = stat()
            if lstat(path, &status) == 0, allowed == nil { unlink(path) }
            return []
        }
        if emptied[""] != false, rmdir(path) == 0 { return [] }
        return left.isEmpty ? [""] : left.sorted()
    }

    /// Depth-first through the folder at `root`. `entering` sees each entry before its children
    /// and says whether to go into it; `leaving` sees it after them, with its parent's descriptor.
    private static func walk(_ root: String, entering: (Int32, String, Entry) -> Bool,
                             leaving: (Int32, String, Entry) -> Void) -> Bool {
        let descriptor = open(root, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return false }
        let mounts = MountPoints.below(CanonicalPath.of(root))
        walkContents(of: descriptor, prefix: "", device: status.st_dev, mounts: mounts, entering: entering, leaving: leaving)
        return true
    }

    private static func walkContents(of folder: Int32, prefix: String, device: dev_t, mounts: Set<String>,
                                     entering: (Int32, String, Entry) -> Bool, leaving: (Int32, String, Entry) -> Void) {
        for name in names(in: folder) {
            var status = stat()
            guard fstatat(folder, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            let path = prefix.isEmpty ? name : prefix + "/" + name
            let kind: Kind
            switch status.st_mode & S_IFMT {
            case _ where status.st_dev != device || mounts.contains(path): kind = .mountPoint  // a file can be bind-mounted too
            case S_IFDIR: kind = .folder
            case S_IFREG: kind = .file
            case S_IFLNK: kind = .link
            default: kind = .other
            }
            let entry = Entry(path: path, kind: kind)
            if entering(folder, name, entry) {
                let child = openat(folder, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                if child >= 0 {
                    walkContents(of: child, prefix: path, device: device, mounts: mounts, entering: entering, leaving: leaving)
                    close(child)
                }
            }
            leaving(folder, name, entry)
        }
    }

    /// The names in an open folder, without `.` and `..`, sorted.
    private static func names(in folder: Int32) -> [String] {
        let copy = dup(folder)
        guard copy >= 0, let stream = fdopendir(copy) else { return [] }
        defer { closedir(stream) }
        var names = [String]()
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}

/// Where other file systems are mounted, from `/proc/self/mountinfo` (Linux): a bind mount of a
/// folder of the same file system has the same device number as its parent, so the device
/// alone does not show it.
public enum MountPoints {
    /// The mount points strictly inside the canonical folder `root`, relative to it.
    static func below(_ root: String) -> Set<String> {
        let prefix = root == "/" ? "/" : root + "/"
        return Set(all().filter { $0.hasPrefix(prefix) && $0.count > prefix.count }.map { String($0.dropFirst(prefix.count)) })
    }

    /// Whether the folder at the canonical path `path` is itself a mount point.
    public static func contains(_ path: String) -> Bool {
        all().contains(path)
    }

    /// Every mount point's path (the fifth field of each line); none where the file is missing.
    private static func all() -> [String] {
        guard let text = try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ")
            return fields.count > 4 ? unescape(fields[4]) : nil
        }
    }

    /// mountinfo writes space, tab, newline and backslash as `\040`, `\011`, `\012`, `\134`.
    private static func unescape(_ field: Substring) -> String {
        var bytes = [UInt8](), source = Array(field.utf8), index = 0
        while index < source.count {
            if source[index] == UInt8(ascii: "\\"), index + 3 < source.count,
               let code = UInt8(String(decoding: source[(index + 1)...(index + 3)], as: UTF8.self), radix: 8) {
                bytes.append(code)
                index += 4
            } else {
                bytes.append(source[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
