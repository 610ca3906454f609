import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Parallel directives, --keep-going, interruptions and concurrent builds, through the CLI.
@Suite struct ExecutionTests {
    static let book = """
    # Runs

    ```{train} one
    data: iris
    hidden: [5]
    epochs: 40
    lr: 0.05
    seeds: 2
    ```

    ```{train} two
    data: iris
    hidden: [3]
    epochs: 40
    lr: 0.05
    seeds: 2
    ```

    ```{plot} both
    runs: [one, two]
    ```

    ```{distill} three
    teacher: one
    hidden: [2]
    epochs: 30
    lr: 0.05
    seeds: 2
    ```

    """

    func project(_ chapter: String = book) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("distillery-exec-\(UUID().uuidString)")
        let chapters = folder.appendingPathComponent("chapters")
        try FileManager.default.createDirectory(at: chapters, withIntermediateDirectories: true)
        try chapter.write(to: chapters.appendingPathComponent("01-runs.md"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func everyJobCountWritesTheSameReport() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        var reports = [[String: Data]]()
        for jobs in ["1", "2", "4"] {
            let result = try Distillery.run(["build", "--no-cache", "--jobs", jobs], in: folder)
            #expect(result.status == 0, "\(result.standardError)")
            reports.append(try snapshot(of: folder.appendingPathComponent("output")))
        }
        #expect(reports[0] == reports[1] && reports[1] == reports[2])
    }

    @Test func keepGoingRunsWhatDoesNotDependOnTheFailureAndKeepsTheGoodReport() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Distillery.run(["build"], in: folder).status == 0)
        let good = try snapshot(of: folder.appendingPathComponent("output"))
        // 'one' now fails at run time; 'two' does not need it, 'both' and 'three' do.
        let broken = Self.book.replacingOccurrences(of: "data: iris\nhidden: [5]", with: "data: iris\nhidden: [5]\ninitial_weights: missing.safetensors")
        try broken.write(to: folder.appendingPathComponent("chapters/01-runs.md"), atomically: true, encoding: .utf8)
        let stopped = try Distillery.run(["build"], in: folder)
        #expect(stopped.status == 1)
        #expect(stopped.standardError.contains("chapters/01-runs.md:3:1: error:"), "\(stopped.standardError)")
        let kept = try Distillery.run(["build", "--keep-going"], in: folder)
        #expect(kept.status == 1)
        #expect(kept.standardOutput.contains("FAILED    one"))
        #expect(kept.standardOutput.contains("skipped   both") && kept.standardOutput.contains("skipped   three"))
        #expect(kept.standardError.contains("the previous report in output/ was kept"))
        #expect(try snapshot(of: folder.appendingPathComponent("output")) == good)
        let written = try Distillery.run(["build", "--keep-going", "--write-partial"], in: folder)
        #expect(written.status == 1)
        let page = String(decoding: try Data(contentsOf: folder.appendingPathComponent("output/01-runs.html")), as: UTF8.self)
        #expect(page.contains("<div class=\"directive-failure\" role=\"alert\"><p><strong>{train} one failed</strong></p>"))
        #expect(page.contains("not run: it uses &#39;one&#39;, which failed"))
        #expect(page.contains("Training run &#39;two&#39;"), "the independent run is in the page")
    }

    /// Starts a build and sends `signal` after `delay` seconds; returns the exit status, its
    /// standard error and how long it took to exit after the signal.
    func interrupt(_ folder: URL, with signalNumber: Int32, after delay: Double, arguments: [String] = ["build", "--no-cache"])
        throws -> (status: Int32, standardError: String, exitDelay: Double, signalled: Bool) {
        let process = Process()
        process.executableURL = Distillery.executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let error = Pipe()
        process.standardError = error
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        let signalled = process.isRunning
        let sent = Date()
        kill(process.processIdentifier, signalNumber)
        process.waitUntilExit()
        let exitDelay = Date().timeIntervalSince(sent)
        let text = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return (process.terminationStatus, text, exitDelay, signalled)
    }

    static let slowBook = """
    # Slow

    ```{train} slow
    data: digits
    hidden: [64]
    epochs: 300
    lr: 0.001
    seeds: 4
    ```

    """

    @Test func controlCSaysWhatWasInterruptedAndExits130AtOnce() throws {
        let folder = try project(Self.slowBook)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try interrupt(folder, with: SIGINT, after: 1.5)
        #expect(run.signalled)
        #expect(run.status == 130, "\(run.standardError)")
        #expect(run.standardError.contains("interrupted while running slow"))
        #expect(run.exitDelay < 1.0)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("output").path))
        let terminated = try interrupt(folder, with: SIGTERM, after: 1.0)
        #expect(terminated.status == 143)
    }

    /// Kills builds at random moments: afterwards the output is the old report or the new one,
    /// the cache holds only valid or detectably damaged entries, and the next build equals a
    /// clean one byte for byte.
    @Test func killedBuildsLeaveACompleteReportAndAUsableCache() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let clean = try project()
        defer { try? FileManager.default.removeItem(at: clean) }
        let editions = [Self.book, Self.book.replacingOccurrences(of: "epochs: 30", with: "epochs: 31")]
        var reference = [[String: Data]]()
        for edition in editions {
            try edition.write(to: clean.appendingPathComponent("chapters/01-runs.md"), atomically: true, encoding: .utf8)
            #expect(try Distillery.run(["build", "--no-cache"], in: clean).status == 0)
            reference.append(try snapshot(of: clean.appendingPathComponent("output")))
        }
        try editions[0].write(to: folder.appendingPathComponent("chapters/01-runs.md"), atomically: true, encoding: .utf8)
        #expect(try Distillery.run(["build"], in: folder).status == 0)
        var generator = SystemRandomNumberGenerator()
        let signals = [SIGINT, SIGTERM, SIGKILL]
        for trial in 0..<21 {
            let edition = trial % 2 == 0 ? 1 : 0
            try editions[edition].write(to: folder.appendingPathComponent("chapters/01-runs.md"), atomically: true, encoding: .utf8)
            if trial % 3 == 0 { _ = try Distillery.run(["clean"], in: folder) }
            let delay = Double.random(in: 0.02...0.6, using: &generator)
            _ = try interrupt(folder, with: signals[trial % 3], after: delay, arguments: ["build"])
            // The report is the old one or the new one, never a mix; a killed swap is put back
            // by the next build, so look at what that build starts from.
            let output = folder.appendingPathComponent("output")
            if FileManager.default.fileExists(atPath: output.path) {
                let now = try snapshot(of: output)
                #expect(now == reference[0] || now == reference[1], "trial \(trial): a mixed report")
            }
            let next = try Distillery.run(["build"], in: folder)
            #expect(next.status == 0, "trial \(trial): \(next.standardError)")
            #expect(try snapshot(of: output) == reference[edition], "trial \(trial): differs from a clean build")
        }
    }

    @Test func twoBuildsAtOnceWaitForEachOther() throws {
        let folder = try project(Self.slowBook.replacingOccurrences(of: "epochs: 300", with: "epochs: 25"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = Process(), second = Process()
        let secondError = Pipe()
        for process in [first, second] {
            process.executableURL = Distillery.executable
            process.arguments = ["build"]
            process.currentDirectoryURL = folder
            process.standardOutput = FileHandle.nullDevice
        }
        first.standardError = FileHandle.nullDevice
        second.standardError = secondError
        try first.run()
        Thread.sleep(forTimeInterval: 0.8)
        try second.run()
        first.waitUntilExit()
        second.waitUntilExit()
        #expect(first.terminationStatus == 0 && second.terminationStatus == 0)
        let message = String(decoding: secondError.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(message.contains("waiting for it to finish"), "\(message)")
        let after = try Distillery.run(["build", "--no-cache"], in: folder)
        #expect(after.status == 0)
    }
}

/// `--watch` and `--self-contained` through the CLI.
@Suite struct BuildModeTests {
    @Test func watchRebuildsAfterAnEditAndStopsOnControlC() throws {
        let folder = try ExecutionTests().project("# Watched\n\nFirst words.\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = Distillery.executable
        process.arguments = ["build", "--watch"]
        process.currentDirectoryURL = folder
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let page = folder.appendingPathComponent("output/01-runs.html")
        func waitFor(_ text: String) -> Bool {
            for _ in 0..<100 {
                if let html = try? String(contentsOf: page, encoding: .utf8), html.contains(text) { return true }
                Thread.sleep(forTimeInterval: 0.1)
            }
            return false
        }
        #expect(waitFor("First words."))
        try "# Watched\n\nSecond words.\n".write(to: folder.appendingPathComponent("chapters/01-runs.md"), atomically: true, encoding: .utf8)
        #expect(waitFor("Second words."), "the edit was rebuilt")
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        let log = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("Watching chapters/") && log.contains("Change seen; rebuilding."))
    }

    @Test func selfContainedWritesOneFileWithEverythingInside() throws {
        let folder = try ExecutionTests().project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Distillery.run(["build", "--self-contained", "--output", "book"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let files = try snapshot(of: folder.appendingPathComponent("book"))
        #expect(Set(files.keys) == ["index.html", ".distillery-report"])
        let html = String(decoding: files["index.html"]!, as: UTF8.self)
        #expect(html.contains("<img src=\"data:image/png;base64,"))
        #expect(html.contains("<style>") && html.contains("window.distillerySearch"))
        #expect(html.contains("<section class=\"chapter\" id=\"01-runs\">"))
        #expect(!html.contains("src=\"figures/") && !html.contains("href=\"01-runs.html"))
    }
}
