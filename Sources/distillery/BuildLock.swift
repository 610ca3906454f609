import Foundation
import Notebook
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One build of a book at a time: an exclusive `flock` on `.distillery-cache/build.lock`. A
/// second build waits for the first, saying so; the kernel releases the lock when a build
/// ends, however it ends (even SIGKILL), so a stale lock cannot block anyone.
final class BuildLock {
    private let descriptor: Int32

    init(projectDirectory: URL) throws {
        let folder = projectDirectory.appendingPathComponent(CacheStore.folderName)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("build.lock").path
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw LockError(message: "cannot open the build lock \(path): \(String(cString: strerror(errno)))") }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            FileHandle.standardError.write(Data("Another build of this book is running; waiting for it to finish…\n".utf8))
            guard flock(descriptor, LOCK_EX) == 0 else {
                close(descriptor)
                throw LockError(message: "cannot lock \(path): \(String(cString: strerror(errno)))")
            }
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    struct LockError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
