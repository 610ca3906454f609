import Digest
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The project's cache folder, `.distillery-cache/`: one file per entry, named by its key.
/// Each entry carries its key, its length and a checksum of its contents (FNV-1a, 64 bits), so
/// a damaged, truncated or foreign file is detected, reported and recomputed — never trusted. Writes go
/// to a temporary file that is renamed into place, so an interrupted build leaves no torn entry.
/// Safe to use from several threads.
public final class CacheStore: @unchecked Sendable {
    public static let folderName = ".distillery-cache"

    /// Directive results (blocks and inline values), and the expensive computations inside
    /// directives (trained networks).
    enum Section: String { case results, computations }

    public enum Lookup {
        case hit([UInt8])
        case missing
        case damaged(String)
    }

    public let folder: URL
    private let lock = NSLock()
    private var problems: [String] = []
    private var writeFailed = false

    public init(projectDirectory: URL) {
        folder = projectDirectory.appendingPathComponent(Self.folderName)
    }

    /// Warnings to show after the build: damaged entries, a cache that cannot be written.
    public var warnings: [String] {
        lock.lock(); defer { lock.unlock() }
        return problems
    }

    private static let magic = Array("distillery cache entry 2\n".utf8)

    func load(_ section: Section, key: String, what: String) -> Lookup {
        let url = file(section, key)
        guard let data = Self.readEntry(url) else { return .missing }
        var reader = ByteReader(data)
        let problem: String
        do {
            guard Array(try reader.take(Self.magic.count)) == Self.magic else { throw ByteReader.Malformed() }
            if String(decoding: try reader.take(64), as: UTF8.self) != key {
                problem = "it belongs to another key"
            } else {
                let length = try reader.word(), checksum = try reader.word()
                let payload = Array(try reader.take(reader.remaining))
                if UInt64(payload.count) != length {
                    problem = "truncated: \(payload.count) of \(length) bytes"
                } else if FNV1a.hash64(payload) != checksum {
                    problem = "checksum mismatch"
                } else {
                    return .hit(payload)
                }
            }
        } catch {
            problem = "not a cache entry"
        }
        let message = "cache entry for \(what) is damaged (\(problem)); recomputing"
        lock.lock(); problems.append(message); lock.unlock()
        unlink(url.path)
        return .damaged(problem)
    }

    func store(_ section: Section, key: String, payload: [UInt8]) {
        let url = file(section, key)
        var entry = ByteWriter()
        entry.append(Self.magic + Array(key.utf8))
        entry.word(payload.count)
        entry.word(FNV1a.hash64(payload))
        entry.append(payload)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(key).\(UUID().uuidString).tmp")
            try NewFile.write(entry.bytes, to: temporary.path)
            // rename(2) replaces what is at the entry's name, a link included, and follows nothing.
            guard rename(temporary.path, url.path) == 0 else {
                let code = errno
                unlink(temporary.path)
                throw NewFile.Failure(code: code)
            }
        } catch {
            lock.lock(); defer { lock.unlock() }
            if !writeFailed {
                writeFailed = true
                problems.append("cannot write the cache in \(Self.folderName) (\((error as? NewFile.Failure)?.description ?? error.localizedDescription)); results are not saved for the next build")
            }
        }
    }

    /// A regular file's bytes, never through a symbolic link; nil for anything else.
    static func readEntry(_ url: URL) -> [UInt8]? {
        let descriptor = open(url.path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return [UInt8](FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).readDataToEndOfFile())
    }

    private func file(_ section: Section, _ key: String) -> URL {
        folder.appendingPathComponent(section.rawValue).appendingPathComponent(key)
    }

    // MARK: The previous build's keys

    private var manifestURL: URL { folder.appendingPathComponent("last-build.json") }

    /// The key parts of every directive in the last build, for saying why one reruns.
    func previousKeys() -> [String: KeyParts] {
        guard let data = Self.readEntry(manifestURL),
              let parts = try? JSONDecoder().decode([String: KeyParts].self, from: Data(data)) else { return [:] }
        return parts
    }

    func saveKeys(_ parts: [String: KeyParts]) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(parts) else { return }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? data.write(to: manifestURL, options: .atomic)
    }
}
