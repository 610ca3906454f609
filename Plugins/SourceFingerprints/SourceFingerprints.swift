import Foundation
import PackagePlugin

/// Generates `SourceFingerprints.swift` for the target it is applied to: one SHA-256 per module
/// of the project over every file of that module (sources, headers, shipped data). The cache
/// keys a directive's results by the fingerprints of the code it runs, so any edit to that code,
/// even one that changes no behaviour, makes its results stale. The command lists every file as
/// an input, so the build re-runs it after any edit and only then.
@main
struct SourceFingerprints: BuildToolPlugin {
    static let modules = ["CMatrixKernels", "DistillCore", "Charts", "Notebook", "Report", "Directives"]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        var arguments = [String]()
        var inputs = [URL]()
        for module in try context.package.targets(named: Self.modules) {
            guard let module = module as? SourceModuleTarget else { continue }
            let files = module.sourceFiles.flatMap { Self.files(at: $0.url) }.sorted { $0.path < $1.path }
            inputs += files
            arguments += ["--module", module.name, module.directoryURL.path] + files.map(\.path)
        }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("SourceFingerprints.swift")
        return [.buildCommand(displayName: "Fingerprinting the project's sources",
                              executable: try context.tool(named: "fingerprint-sources").url,
                              arguments: [output.path] + arguments, inputFiles: inputs, outputFiles: [output])]
    }

    /// The file itself, or every file under a folder (a resource folder is one "source file").
    static func files(at url: URL) -> [URL] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else { return [url] }
        let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey])
        return (enumerator?.allObjects as? [URL] ?? []).filter {
            (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
        }
    }
}
