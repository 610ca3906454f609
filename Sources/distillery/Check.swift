import ArgumentParser

/// `distillery check`: find mistakes in the chapters without running anything.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the chapters' directives (kinds, options, names, references) without running them.")

    @OptionGroup var book: BookOptions

    func run() throws {
        do {
            let plan = try Pipeline.plan(try Pipeline.load(book).parsed)
            print("OK: \(plan.steps.count) directives")
        } catch {
            report(error)
            throw ExitCode.failure
        }
    }
}
