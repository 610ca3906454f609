import ArgumentParser

@main
struct Distillery: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "distillery",
        abstract: "Build a literate report whose directives train and distil neural networks.",
        subcommands: [Build.self, Check.self, Clean.self, Directives.self],
        defaultSubcommand: Build.self)
}
