import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The absolute path a file system path names, with every symbolic link resolved — also for a
/// path that does not exist yet: its longest existing part is resolved and the rest appended.
/// `--output x/site`, where `x` links to the chapters, must be seen as inside the chapters
/// before the folder is created.
public enum CanonicalPath {
    public static func of(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var existing = absolute, rest = [String]()
        while true {
            if let resolved = realpath(existing, nil) {
                defer { free(resolved) }
                var result = String(cString: resolved)
                for component in rest.reversed() {
                    if component == ".." { result = (result as NSString).deletingLastPathComponent; continue }
                    result = result == "/" ? "/" + component : result + "/" + component
                }
                return result
            }
            guard existing != "/", !existing.isEmpty else { return absolute }
            rest.append((existing as NSString).lastPathComponent)
            existing = (existing as NSString).deletingLastPathComponent
        }
    }

    public static func of(_ url: URL) -> String { of(url.path) }

    /// Whether canonical path `inner` is `outer` or lies below it.
    public static func isWithin(_ inner: String, _ outer: String) -> Bool {
        inner == outer || inner.hasPrefix(outer == "/" ? "/" : outer + "/")
    }
}
