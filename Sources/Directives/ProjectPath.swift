import Foundation
import Notebook

/// Files a chapter names (data, weights) are paths relative to the project folder, and must
/// stay inside it.
enum ProjectPath {
    /// A relative path that does not climb out of the project.
    static func isInside(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/").contains("..")
    }

    static func read(_ path: String, in projectDirectory: URL) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: projectDirectory.appendingPathComponent(path).path) else {
            throw ExecutionError("cannot read '\(path)' (paths are relative to the project folder)")
        }
        return [UInt8](data)
    }
}
