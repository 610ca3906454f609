import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock`, held until the value is released. The kernel drops it however the
/// process ends (even SIGKILL), so a stale lock never blocks anyone.
///
/// A lock file can be deleted while someone waits for it (`clean` removes the cache folder that
/// holds the book's lock, under that lock): the waiter would then hold a lock on a file nobody
/// else can open, beside a newcomer that locks the new file. So after each wait the descriptor
/// is compared with what the path names now, and the lock is taken again until they agree.
public final class FileLock: @unchecked Sendable {
    private let descriptor: Int32

    /// Locks the file at `path`, creating it (and its folder, if that was removed while we
    /// waited); a symbolic link there is refused, not followed.
    /// - Parameter waiting: printed to standard error once, when another process holds it.
    public init(file path: String, waiting: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        descriptor = try Self.acquire(path: path, waiting: waiting, followsLinks: false) {
            mkdir(folder, 0o755)
            return open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        }
    }

    /// Locks the folder at `path` itself (which must exist): no file is created. Links are
    /// followed, so every path to one folder takes the same lock.
    public init(folder path: String, waiting: String) throws {
        descriptor = try Self.acquire(path: path, waiting: waiting, followsLinks: true) {
            open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    private static func acquire(path: String, waiting: String, followsLinks: Bool, opening: () -> Int32) throws -> Int32 {
        var told = false
        while true {
            let descriptor = opening()
            guard descriptor >= 0 else {
                let reason = errno == ELOOP ? "it is a symbolic link" : SystemError.reason(errno)
                throw Diagnostic(at: nil, "cannot open the lock '\(path)': \(reason)")
            }
            if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                guard errno == EWOULDBLOCK else {
                    let reason = SystemError.reason(errno)
                    close(descriptor)
                    throw Diagnostic(at: nil, "cannot lock '\(path)': \(reason)")
                }
                if !told {
                    FileHandle.standardError.write(Data("\(waiting)\n".utf8))
                    told = true
                }
                var result: Int32
                repeat { result = flock(descriptor, LOCK_EX) } while result != 0 && errno == EINTR
                guard result == 0 else {
                    let reason = SystemError.reason(errno)
                    close(descriptor)
                    throw Diagnostic(at: nil, "cannot lock '\(path)': \(reason)")
                }
            }
            var held = stat(), named = stat()
            let found = followsLinks ? stat(path, &named) : lstat(path, &named)
            if fstat(descriptor, &held) == 0, found == 0, held.st_dev == named.st_dev, held.st_ino == named.st_ino {
                return descriptor
            }
            close(descriptor)  // removed or replaced while we waited: lock what is there now
        }
    }
}
