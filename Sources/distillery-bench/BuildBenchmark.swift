import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whole `distillery` commands on a copy of a book, the way a user meets them: a cold build
/// (no cache), a rebuild with nothing changed, a rebuild after a prose edit, after one figure
/// option changed, and `distillery check`. Medians of several runs, in seconds.
struct BuildBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Time cold and incremental builds of a book with the distillery binary.")

    @OptionGroup var options: BenchmarkOptions

    @Option(help: "The project folder whose chapters/ (and data/) are copied for the runs.")
    var project = "."

    @Option(help: "The distillery binary (default: the one beside this benchmark).")
    var binary: String?

    @Option(help: "Runs of each incremental case.")
    var runs = 5

    @Option(help: "Runs of the cold build (the slow one).")
    var coldRuns = 3

    struct Result: Encodable {
        let name: String
        let seconds: [Double]
        var median: Double { BuildBenchmark.medianOf(seconds) }

        enum CodingKeys: String, CodingKey { case name, seconds, median }
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(seconds, forKey: .seconds)
            try container.encode(median, forKey: .median)
        }
    }

    static func medianOf(_ values: [Double]) -> Double { median(values) }

    func run() throws {
        let tool = binary ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("distillery").path
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("distillery-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for folder in ["chapters", "data"] {
            let source = URL(fileURLWithPath: project).appendingPathComponent(folder)
            if FileManager.default.fileExists(atPath: source.path) {
                try FileManager.default.copyItem(at: source, to: copy.appendingPathComponent(folder))
            }
        }
        let chapters = try FileManager.default.contentsOfDirectory(atPath: copy.appendingPathComponent("chapters").path)
            .filter { $0.hasSuffix(".md") }.sorted()
        guard let last = chapters.last else { throw ValidationError("no chapters in \(project)/chapters") }
        let prose = copy.appendingPathComponent("chapters").appendingPathComponent(last)
        let original = try String(contentsOf: prose, encoding: .utf8)

        /// Wall time of one run, spawned and reaped directly: Foundation's `Process` notices an
        /// exit only on its next poll, which would add tens of milliseconds to every figure.
        func time(_ arguments: [String]) throws -> Double {
            let argv = ([tool] + arguments).map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            let previous = FileManager.default.currentDirectoryPath
            _ = FileManager.default.changeCurrentDirectoryPath(copy.path)
            defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
            var pid = pid_t()
            let start = nanoseconds()
            guard posix_spawn(&pid, tool, &actions, nil, argv, environ) == 0 else { throw ValidationError("cannot start \(tool)") }
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            let seconds = Double(nanoseconds() - start) / 1e9
            guard status == 0 else { throw ValidationError("'distillery \(arguments.joined(separator: " "))' failed") }
            return seconds
        }
        var results = [Result]()
        results.append(Result(name: "cold build (--no-cache)", seconds: try (0..<coldRuns).map { _ in try time(["build", "--no-cache", "-q"]) }))
        _ = try time(["build", "-q"])  // fills the cache
        results.append(Result(name: "no-op rebuild", seconds: try (0..<runs).map { _ in try time(["build", "-q"]) }))
        results.append(Result(name: "prose edit", seconds: try (0..<runs).map { run in
            try (original + "\nAn edited sentence, version \(run).\n").write(to: prose, atomically: true, encoding: .utf8)
            return try time(["build", "-q"])
        }))
        try original.write(to: prose, atomically: true, encoding: .utf8)
        if let figure = try firstFigureDirective(in: copy.appendingPathComponent("chapters"), among: chapters) {
            let source = try String(contentsOf: figure.file, encoding: .utf8)
            results.append(Result(name: "one figure option changed", seconds: try (0..<runs).map { run in
                let changed = source.replacingOccurrences(of: figure.header, with: figure.header + "\nwidth: \(700 + run)")
                try changed.write(to: figure.file, atomically: true, encoding: .utf8)
                return try time(["build", "-q"])
            }))
            try source.write(to: figure.file, atomically: true, encoding: .utf8)
        }
        results.append(Result(name: "distillery check", seconds: try (0..<runs).map { _ in try time(["check"]) }))
        if options.json {
            struct Report: Encodable {
                let unit = "seconds, whole process"
                let results: [Result]
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(Report(results: results)), as: UTF8.self))
        } else {
            print("case                          median      runs (s)")
            for result in results {
                let runs = result.seconds.map { String(format: "%.3f", $0) }.joined(separator: " ")
                print(result.name.padding(toLength: 28, withPad: " ", startingAt: 0) + String(format: "%8.3f s   ", result.median) + runs)
            }
        }
    }

    /// The opening line of the first {plot}, {histogram} or {confusion} without a `width:`.
    private func firstFigureDirective(in folder: URL, among chapters: [String]) throws -> (file: URL, header: String)? {
        for name in chapters {
            let file = folder.appendingPathComponent(name)
            let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
            for (index, line) in lines.enumerated() where ["```{plot}", "```{histogram}", "```{confusion}"].contains(where: line.hasPrefix) {
                let body = lines[(index + 1)...].prefix { !$0.hasPrefix("```") }
                if !body.contains(where: { $0.hasPrefix("width:") }) { return (file, line) }
            }
        }
        return nil
    }
}
