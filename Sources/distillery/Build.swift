import ArgumentParser
import Foundation

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

    @Flag(name: [.short, .long], help: "Print only errors and warnings.")
    var quiet = false

    @Option(help: ArgumentHelp("Print what the cache key of directive NAME is made of, and whether it is cached; build nothing.",
                               valueName: "NAME"))
    var explain: String?

    func run() throws {
        do {
            if let explain {
                print(try Explanation.text(for: explain, book: book), terminator: "")
                return
            }
            let (files, execution) = try Pipeline.build(book, output: URL(fileURLWithPath: output),
                                                        settings: .init(selfContained: selfContained, useCache: !noCache))
            for warning in execution.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
            if !quiet {
                print(execution.summary().joined(separator: "\n"))
                let figures = files.filter { $0.path.hasPrefix("figures/") }.count
                print("Wrote \(files.count) files (\(figures) figures) to \(output)/")
            }
        } catch {
            report(error)
            throw ExitCode.failure
        }
    }
}
