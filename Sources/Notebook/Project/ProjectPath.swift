import Foundation

/// Files a chapter names (data, weights) are paths relative to the project folder, and must
/// stay inside it: no absolute paths, no `..`, and no symbolic link that leads out.
public enum ProjectPath {
    /// The largest file a directive reads, so that a mistaken path cannot exhaust memory.
    public static let maximumFileSize = 256 << 20

    /// A relative path that does not climb out of the project, as written.
    public static func isInside(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.hasPrefix("~") && !path.split(separator: "/").contains("..")
    }

    /// The bytes of a project file; refuses links out of the project, folders, devices and
    /// files over `maximumFileSize`, without ever showing the file's contents.
    public static func read(_ path: String, in projectDirectory: URL) throws -> [UInt8] {
        guard isInside(path) else {
            throw ExecutionError("'\(path)' is not a path inside the project (write it relative to the project folder, without '..')")
        }
        let project = projectDirectory.standardizedFileURL.resolvingSymlinksInPath().path
        let target = projectDirectory.appendingPathComponent(path).standardizedFileURL.resolvingSymlinksInPath()
        guard target.path.hasPrefix(project.hasSuffix("/") ? project : project + "/") else {
            throw ExecutionError("'\(path)' leads outside the project through a symbolic link; copy the file into the project instead")
        }
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: target.path) else {
            throw ExecutionError("cannot read '\(path)': no such file (paths are relative to the project folder)")
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            throw ExecutionError("'\(path)' is not a regular file")
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maximumFileSize else {
            throw ExecutionError("'\(path)' is \(size >> 20) MiB; files read by directives are limited to \(maximumFileSize >> 20) MiB")
        }
        guard let data = FileManager.default.contents(atPath: target.path) else {
            throw ExecutionError("cannot read '\(path)' (paths are relative to the project folder)")
        }
        return [UInt8](data)
    }
}
