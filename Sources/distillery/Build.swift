import ArgumentParser
import Foundation
import Notebook

/// `distillery build`: run every directive and write the HTML report.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the directives and write the report. A failed build leaves the output folder untouched.")

    @OptionGroup var book: BookOptions

    @Option(help: "Folder to write the report into (replaced as a whole).")
    var output = "output"

    @Flag(help: "Write the whole book as one HTML file, index.html, with images, data and style inside.")
    var selfContained = false

    @Flag(help: "Run every directive, ignoring the cache, and store nothing in it.")
    var noCache = false

    @Option(name: [.short, .long], help: "How many directives may run at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "After a failure, run everything that does not depend on it and show each failure in the page; the build still fails.")
    var keepGoing = false

    @Flag(help: "With --keep-going: replace a previous good report with this one, failures shown.")
    var writePartial = false

    @Flag(help: "After building, rebuild whenever a chapter or a file the book reads changes (Ctrl-C stops).")
    var watch = false

    @Flag(name: [.short, .long], help: "Print only errors and warnings.")
    var quiet = false

    @Option(help: ArgumentHelp("Print what the cache key of directive NAME is made of, and whether it is cached; build nothing.",
                               valueName: "NAME"))
    var explain: String?

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if writePartial && !keepGoing { throw ValidationError("--write-partial goes with --keep-going") }
    }

    func run() throws {
        if let explain {
            do {
                print(try Explanation.text(for: explain, book: book).terminalSafe, terminator: "")
                return
            } catch {
                report(error)
                throw ExitCode.failure
            }
        }
        let progress = LiveProgress(drawing: !quiet && isatty(STDERR_FILENO) == 1)
        Interruption.install(progress: progress)
        let succeeded = buildOnce(progress: progress)
        guard watch else {
            if !succeeded { throw ExitCode.failure }
            return
        }
        var watched = Watcher(book: book)
        print("Watching \(book.chapters.terminalLine)/ and the files the book reads; Ctrl-C stops.")
        fflush(nil)
        while true {
            watched.waitForChange()
            print("Change seen; rebuilding.")
            _ = buildOnce(progress: progress)
            fflush(nil)
        }
    }

    /// One build, its log printed; false when it failed.
    private func buildOnce(progress: LiveProgress) -> Bool {
        do {
            let settings = Pipeline.BuildSettings(selfContained: selfContained, useCache: !noCache,
                                                  execution: .init(jobs: jobs, keepGoing: keepGoing, progress: progress),
                                                  writePartial: writePartial)
            let outcome = try Pipeline.build(book, output: URL(fileURLWithPath: output), settings: settings)
            progress.clear()
            let execution = outcome.execution
            for warning in execution.warnings + outcome.warnings { FileHandle.standardError.write(Data("warning: \(warning.terminalLine)\n".utf8)) }
            if !quiet { print(execution.summary().map(\.terminalLine).joined(separator: "\n")) }
            guard execution.failures.isEmpty else {
                report(DiagnosticList(execution.failures))
                FileHandle.standardError.write(Data((outcome.written
                    ? "error: \(execution.failures.count) directive(s) failed; the report in \(output.terminalLine)/ shows where\n"
                    : "error: \(execution.failures.count) directive(s) failed; the previous report in \(output.terminalLine)/ was kept (add --write-partial to replace it)\n").utf8))
                return false
            }
            if !quiet {
                let figures = outcome.files.filter { $0.path.hasPrefix("figures/") }.count
                print("Wrote \(outcome.files.count) files (\(figures) figures) to \(output.terminalLine)/")
            }
            return true
        } catch {
            progress.clear()
            report(error)
            return false
        }
    }
}
