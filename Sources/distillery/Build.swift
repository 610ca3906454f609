import ArgumentParser
import Foundation

/// `distillery build`: run every directive and write the HTML report.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the directives and write the report. A failed build leaves the output folder untouched.")

    @OptionGroup var book: BookOptions

    @Option(help: "Folder to write the report into (replaced as a whole).")
    var output = "output"

    func run() throws {
        do {
            let files = try Pipeline.build(book, output: URL(fileURLWithPath: output))
            let figures = files.filter { $0.path.hasPrefix("figures/") }.count
            print("Wrote \(files.count) files (\(figures) figures) to \(output)/")
        } catch {
            report(error)
            throw ExitCode.failure
        }
    }
}
