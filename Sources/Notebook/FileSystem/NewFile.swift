import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing a file that must not exist yet: `O_CREAT | O_EXCL | O_NOFOLLOW`, so nothing already
/// at the path — a symbolic link put there meanwhile — is followed or overwritten. Failures
/// keep the system's `errno`, for a message in its words ("file too large").
public enum NewFile {
    /// A failed system call, by its `errno`.
    public struct Failure: Error, CustomStringConvertible {
        public let code: Int32
        public var description: String { SystemError.reason(code) }
    }

    public static func write(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(code: errno) }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                systemWrite(descriptor, buffer.baseAddress! + offset, bytes.count - offset)
            }
            if count < 0 {
                if errno == EINTR { continue }
                let code = errno
                unlink(path)
                throw Failure(code: code)
            }
            offset += count
        }
    }

    private static func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, buffer, count)
        #else
        Darwin.write(descriptor, buffer, count)
        #endif
    }
}
