import Foundation

/// The project files one build reads, each read once: the bytes the cache key is computed from
/// are the bytes the directive parses, even if the file changes during the build. Safe to use
/// from several threads.
public final class ProjectFiles: @unchecked Sendable {
    public let projectDirectory: URL
    /// The folder the build replaces: no file read may really lie in it, whatever link leads there.
    private let outputFolder: URL?
    private let lock = NSLock()
    private var read: [String: Result<[UInt8], ExecutionError>] = [:]

    public init(projectDirectory: URL, outputFolder: URL? = nil) {
        self.projectDirectory = projectDirectory
        self.outputFolder = outputFolder
    }

    /// The bytes of the project-relative file `path`, as `ProjectPath.read` checks and reads them.
    public func bytes(of path: String) throws -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        if let known = read[path] { return try known.get() }
        let result: Result<[UInt8], ExecutionError>
        do {
            result = .success(try ProjectPath.read(path, in: projectDirectory, refusing: outputFolder))
        } catch let error as ExecutionError {
            result = .failure(error)
        } catch {
            result = .failure(ExecutionError("cannot read '\(path)': \(error)"))
        }
        read[path] = result
        return try result.get()
    }
}
