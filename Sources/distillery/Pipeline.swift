import Directives
import Foundation
import Notebook
import Report

/// The build recipe, stage by stage: load → parse → plan → execute → render → write.
enum Pipeline {
    /// The book parsed, with its formulas translated: unsupported TeX is found here, by
    /// `check` and before any training.
    static func load(_ options: BookOptions) throws -> (parsed: ParsedBook, formulas: Formulas) {
        let book = try BookLoader.load(from: options.chaptersURL, displayPrefix: options.chapters)
        try PageNames.check(book)
        let parsed = try ParsedBook(book)
        return (parsed, try Formulas(parsed))
    }

    static func plan(_ parsed: ParsedBook) throws -> BuildPlan {
        try BuildPlan(parsed, registry: distilleryDirectives)
    }

    /// How a build runs besides the book and the output folder.
    struct BuildSettings {
        var selfContained = false
        /// Read and write the cache (off: run everything, store nothing).
        var useCache = true
        var execution = Executor.Options()
        /// With `keepGoing`: write the report with its failures shown even over a good one.
        var writePartial = false
    }

    /// What a build did; `written` is false when failures kept the previous report in place.
    struct Outcome {
        let files: ReportFiles
        let execution: Execution
        let plan: BuildPlan
        let written: Bool
        /// From writing the output (a file someone put into it meanwhile, kept aside).
        let warnings: [String]
    }

    /// The book's folders, which no output may replace or hold.
    static func protectedFolders(_ options: BookOptions) -> [URL] {
        [options.chaptersURL, options.projectURL, URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
    }

    /// Takes the output folder's lock and puts back a report that a killed build left moved
    /// aside — first, so that a build or `check` that fails afterwards still restores it.
    /// Where the folder is and what it is are checked before the lock, so nothing is created
    /// for a refused one; what it holds is checked by `checkOutput`.
    static func claimOutput(_ output: URL, _ options: BookOptions) throws -> FileLock {
        try OutputWriter.checkReplaceable(output, protecting: protectedFolders(options), outside: [options.chaptersURL], contents: false)
        let lock = try OutputWriter.lock(output)
        OutputWriter.recoverInterruptedSwap(output)
        return lock
    }

    /// Before anything is written: no file the book reads lies in the output folder (the
    /// build replaces it), and the folder holds nothing the build would delete but its own report.
    static func checkOutput(_ output: URL, for plan: BuildPlan, _ options: BookOptions) throws {
        try OutputWriter.checkInputs(plan.steps.flatMap(\.options.fileReferences), projectDirectory: options.projectURL, output: output)
        try OutputWriter.checkReplaceable(output, protecting: protectedFolders(options), outside: [options.chaptersURL])
    }

    static func build(_ options: BookOptions, output: URL, settings: BuildSettings) throws -> Outcome {
        // The book's folders are never replaced, whatever --output says; checked before any work.
        let protected = protectedFolders(options)
        let outputLock = try claimOutput(output, options)
        defer { withExtendedLifetime(outputLock) {} }
        let (parsed, formulas) = try load(options)
        let plan = try plan(parsed)
        try checkOutput(output, for: plan, options)
        // One build of the book at a time, from here: the cache and the output are written below.
        let bookLock = try CacheFolder.lock(projectDirectory: options.projectURL)
        defer { withExtendedLifetime(bookLock) {} }
        let inputs = ProjectFiles(projectDirectory: options.projectURL, outputFolder: output)
        let cache = settings.useCache ? cache(for: plan, files: inputs) : nil
        let execution = try Executor.run(plan, files: inputs, cache: cache, options: settings.execution)
        let files = try ReportRenderer.render(plan, results: execution.results, formulas: formulas,
                                              selfContained: settings.selfContained)
        let hasReport = FileManager.default.fileExists(atPath: output.appendingPathComponent(OutputWriter.markerFileName).path)
        let write = execution.failures.isEmpty || settings.writePartial || !hasReport
        let warnings = write ? try OutputWriter.replace(output, with: files, protecting: protected, outside: [options.chaptersURL]) : []
        return Outcome(files: files, execution: execution, plan: plan, written: write, warnings: warnings)
    }

    static func cache(for plan: BuildPlan, files: ProjectFiles) -> BuildCache {
        BuildCache(plan: plan, files: files, fingerprints: .current)
    }
}

/// The most diagnostics printed at once; a chapter with thousands of the same mistake would
/// otherwise print megabytes.
let printedDiagnosticLimit = 20

/// Prints the diagnostics of a failed stage to standard error, compiler-style: the first
/// `printedDiagnosticLimit`, then how many more there are.
func report(_ error: Error) {
    var lines: [String] = switch error {
    case let list as DiagnosticList: list.diagnostics.map(\.description)
    case let diagnostic as Diagnostic: [diagnostic.description]
    default: ["error: \(error)".terminalLine]
    }
    if lines.count > printedDiagnosticLimit {
        let more = lines.count - printedDiagnosticLimit
        lines = Array(lines.prefix(printedDiagnosticLimit)) + ["… and \(ValueFormat.grouped(more)) more error\(more == 1 ? "" : "s")"]
    }
    FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
}
