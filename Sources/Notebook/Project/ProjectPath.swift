import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files a chapter names (data, weights) are paths relative to the project folder, and must
/// stay inside it: no absolute paths, no `..`, and no symbolic link that leads out.
public enum ProjectPath {
    /// The largest file a directive reads, so that a mistaken path cannot exhaust memory.
    public static let maximumFileSize = 256 << 20

    /// A relative path that does not climb out of the project, as written.
    public static func isInside(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.hasPrefix("~") && !path.split(separator: "/").contains("..")
    }

    /// The bytes of a project file; refuses links out of the project, folders, devices, pipes
    /// and files over `maximumFileSize`, without ever showing the file's contents.
    ///
    /// The file is opened once and everything is checked on the open descriptor — what it is,
    /// where it really lives, how big it is — and read from it: swapping the file for a link to
    /// somewhere else between a check and the read cannot work, since there is no second look
    /// at the path.
    /// - Parameter refused: a folder no file read may lie in (the output, which the build replaces).
    public static func read(_ path: String, in projectDirectory: URL, refusing refused: URL? = nil) throws -> [UInt8] {
        guard isInside(path) else {
            throw ExecutionError("'\(path)' is not a path inside the project (write it relative to the project folder, without '..')")
        }
        let descriptor = open(projectDirectory.appendingPathComponent(path).path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else {
            switch errno {
            case ENOENT, ENOTDIR: throw ExecutionError("cannot read '\(path)': no such file (paths are relative to the project folder)")
            case ELOOP: throw ExecutionError("cannot read '\(path)': too many symbolic links")
            default: throw ExecutionError("cannot read '\(path)': \(SystemError.reason(errno))")
            }
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw ExecutionError("'\(path)' is not a regular file")
        }
        guard let opened = openedPath(descriptor),
              CanonicalPath.isWithin(opened, CanonicalPath.of(projectDirectory)) else {
            throw ExecutionError("'\(path)' leads outside the project through a symbolic link; copy the file into the project instead")
        }
        if let refused, CanonicalPath.isWithin(opened, CanonicalPath.of(refused)) {
            throw ExecutionError("'\(path)' lies in the output folder '\(refused.relativePath)' (through a symbolic link), which every build replaces; move the file out of it")
        }
        guard status.st_size <= maximumFileSize else {
            throw ExecutionError("'\(path)' is \(Int(status.st_size) >> 20) MiB; files read by directives are limited to \(maximumFileSize >> 20) MiB")
        }
        return try readAll(descriptor, path: path)
    }

    /// Where an open file really is, as the kernel knows it.
    private static func openedPath(_ descriptor: Int32) -> String? {
        #if os(Linux)
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/fd/\(descriptor)", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        #else
        var buffer = [CChar](repeating: 0, count: Int(MAXPATHLEN))
        guard fcntl(descriptor, F_GETPATH, &buffer) != -1 else { return nil }
        return String(cString: buffer)
        #endif
    }

    private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
        #else
        Darwin.read(descriptor, buffer, count)
        #endif
    }

    /// Reads to the end of the file, never more than `maximumFileSize` (it may grow meanwhile).
    private static func readAll(_ descriptor: Int32, path: String) throws -> [UInt8] {
        var bytes = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw ExecutionError("cannot read '\(path)': \(SystemError.reason(errno))")
            }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
            if bytes.count > maximumFileSize {
                throw ExecutionError("'\(path)' is over \(maximumFileSize >> 20) MiB; files read by directives are limited to \(maximumFileSize >> 20) MiB")
            }
        }
    }
}
