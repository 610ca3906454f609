import Directives
import Foundation
import Notebook
import Report

/// The build recipe, stage by stage: load → parse → plan → execute → render → write.
enum Pipeline {
    static func load(_ options: BookOptions) throws -> ParsedBook {
        let book = try BookLoader.load(from: options.chaptersURL, displayPrefix: options.chapters)
        try PageNames.check(book)
        return try ParsedBook(book)
    }

    static func plan(_ parsed: ParsedBook) throws -> BuildPlan {
        try BuildPlan(parsed, registry: distilleryDirectives)
    }

    static func build(_ options: BookOptions, output: URL) throws -> [OutputFile] {
        // The book's folders are never replaced, whatever --output says; checked before any work.
        let protected = [options.chaptersURL, options.projectURL, URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        try OutputWriter.checkReplaceable(output, protecting: protected)
        let plan = try plan(try load(options))
        let results = try Executor.run(plan, projectDirectory: options.projectURL)
        let files = ReportRenderer.render(plan, results: results)
        try OutputWriter.replace(output, with: files, protecting: protected)
        return files
    }
}

/// Prints the diagnostics of a failed stage to standard error, compiler-style.
func report(_ error: Error) {
    let lines: [String] = switch error {
    case let list as DiagnosticList: list.diagnostics.map(\.description)
    case let diagnostic as Diagnostic: [diagnostic.description]
    default: ["error: \(error)"]
    }
    FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
}
