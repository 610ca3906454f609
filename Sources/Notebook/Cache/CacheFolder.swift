import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The project's cache folder as a whole: its lock, its shape, and `clean`. The cache is the
/// build's own: it must be a real folder in the project (a symbolic link there is refused, as
/// an output folder that is a link is), nothing in it is followed through a link, and it is
/// changed only under the book's lock — builds and `clean` alike.
public enum CacheFolder {
    public static let name = CacheStore.folderName
    static let lockFileName = "build.lock"
    static let sections = [CacheStore.Section.results.rawValue, CacheStore.Section.computations.rawValue]

    /// One build of a book at a time: an exclusive lock on `.distillery-cache/build.lock`,
    /// taken after the folder's shape is checked. Under it, temporary files that a killed or
    /// out-of-space build left behind are removed, and links in place of the cache's own
    /// folders are removed (never followed) and the folders made anew.
    public static func lock(projectDirectory: URL) throws -> FileLock {
        let folder = try prepare(projectDirectory)
        clearLockPath(folder)
        let lock = try FileLock(file: folder.appendingPathComponent(lockFileName).path,
                                waiting: "Another build of this book is running; waiting for it to finish…")
        // The folder may have been removed by `clean` while we waited; the lock file is made anew.
        _ = try prepare(projectDirectory)
        tidy(folder)
        return lock
    }

    /// Removes the cache folder and nothing else, under the book's lock (a running build
    /// finishes first): links inside are removed as links, another file system mounted inside
    /// is left alone. - Returns: false when there was no cache.
    public static func clean(projectDirectory: URL) throws -> Bool {
        let folder = projectDirectory.appendingPathComponent(name)
        var status = stat()
        guard lstat(folder.path, &status) == 0 else { return false }
        _ = try prepare(projectDirectory)
        clearLockPath(folder)
        let lock = try FileLock(file: folder.appendingPathComponent(lockFileName).path,
                                waiting: "A build of this book is running; waiting for it to finish before removing the cache…")
        let left = withExtendedLifetime(lock) { FolderTree.remove(folder.path) }
        guard left.isEmpty else {
            throw Diagnostic(at: nil, "could not remove all of \(name)/: \(left.prefix(3).map { "'\(name)/\($0)'" }.joined(separator: ", ")) \(left.count == 1 ? "is" : "are") left (another file system mounted there, or no permission)")
        }
        return true
    }

    /// Something other than a file in the lock's place (a folder, a link) is the cache's own
    /// debris: removed — a link as a link — so that the lock can be taken.
    private static func clearLockPath(_ folder: URL) {
        let path = folder.appendingPathComponent(lockFileName).path
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG else { return }
        if status.st_mode & S_IFMT == S_IFDIR { FolderTree.remove(path) } else { unlink(path) }
    }

    /// Creates the folder if absent; refuses a link or a file in its place.
    private static func prepare(_ projectDirectory: URL) throws -> URL {
        let folder = projectDirectory.appendingPathComponent(name)
        var status = stat()
        if lstat(folder.path, &status) != 0 {
            guard mkdir(folder.path, 0o755) == 0 || errno == EEXIST else {
                throw Diagnostic(at: nil, "cannot create the cache folder \(name)/: \(SystemError.reason(errno))")
            }
            guard lstat(folder.path, &status) == 0 else {
                throw Diagnostic(at: nil, "cannot create the cache folder \(name)/: \(SystemError.reason(errno))")
            }
        }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: return folder
        case S_IFLNK:
            throw Diagnostic(at: nil, "'\(name)' is a symbolic link; the cache must be a real folder of the project, since the build writes into it: remove the link (the build makes the folder)")
        default:
            throw Diagnostic(at: nil, "'\(name)' is a file, not a folder; distillery keeps its cache in a folder of that name: move the file away")
        }
    }

    /// Under the lock: the cache's own folders are real folders, and no temporary file of an
    /// interrupted write is left (`.KEY.UUID.tmp`: no build is writing one now).
    private static func tidy(_ folder: URL) {
        for section in sections {
            let url = folder.appendingPathComponent(section)
            var status = stat()
            if lstat(url.path, &status) == 0, status.st_mode & S_IFMT != S_IFDIR { unlink(url.path) }
            // Names only (no look at each of the hundreds of entries); unlink never follows a
            // link and refuses a folder.
            for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            where name.hasPrefix(".") && name.hasSuffix(".tmp") {
                unlink(url.appendingPathComponent(name).path)
            }
        }
    }
}
