import Foundation

/// Runs the built `distillery` executable in a folder and captures what it prints.
struct CommandResult {
    let status: Int32
    let standardOutput: String
    let standardError: String
}

enum Distillery {
    /// The executable SwiftPM built next to this test target's resource bundle.
    static var executable: URL {
        Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("distillery")
    }

    /// Runs with this process's environment plus `environment`.
    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> CommandResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
                             standardError: String(decoding: errorData, as: UTF8.self))
    }
}

/// A fresh temporary folder with the named fixture book copied in as `chapters/`.
func projectFolder(withFixture fixture: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("distillery-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try install(fixture: fixture, in: folder)
    return folder
}

/// Replaces `chapters/` in `folder` with the named fixture.
func install(fixture: String, in folder: URL) throws {
    let source = Bundle.module.url(forResource: fixture, withExtension: nil, subdirectory: "Fixtures")!
    let chapters = folder.appendingPathComponent("chapters")
    try? FileManager.default.removeItem(at: chapters)
    try FileManager.default.copyItem(at: source, to: chapters)
}

/// Every file under `folder`, by relative path, with its bytes.
func snapshot(of folder: URL) throws -> [String: Data] {
    var files = [String: Data]()
    let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])!
    for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
        files[String(url.path.dropFirst(folder.path.count + 1))] = try Data(contentsOf: url)
    }
    return files
}
