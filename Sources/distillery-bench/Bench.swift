import ArgumentParser

/// `distillery-bench`: release-mode benchmarks that print a table (or JSON with `--json`).
/// Run with `swift run -c release distillery-bench core`.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "distillery-bench",
        abstract: "Benchmarks of Distillery's training core, charts and whole builds.",
        subcommands: [CoreBenchmark.self, ChartsBenchmark.self, BuildBenchmark.self])
}

/// Options every benchmark takes.
struct BenchmarkOptions: ParsableArguments {
    @Flag(help: "Print the figures as one JSON object instead of a table.")
    var json = false
}
