import ArgumentParser
import Foundation

/// `distillery check`: find mistakes in the chapters without running anything.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the chapters' directives (kinds, options, names, references) without running them.")

    @OptionGroup var book: BookOptions

    @Option(help: "The output folder the book is built into: checked as build checks it, and a report a killed build left moved aside is put back.")
    var output = "output"

    func run() throws {
        do {
            let outputURL = URL(fileURLWithPath: output)
            let outputLock = try Pipeline.claimOutput(outputURL, book)
            let plan = try withExtendedLifetime(outputLock) { try Pipeline.plan(try Pipeline.load(book).parsed) }
            try Pipeline.checkOutput(outputURL, for: plan, book)
            print("OK: \(plan.steps.count) directives")
        } catch {
            report(error)
            throw ExitCode.failure
        }
    }
}
