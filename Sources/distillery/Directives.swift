import ArgumentParser
import Foundation
import Directives
import Notebook

/// `distillery directives [KIND]`: the reference of the directive language, generated from the
/// kinds' option schemas.
struct Directives: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the reference of every directive kind (or of one): options, types, defaults, ranges, what it shows, inline values.")

    @Argument(help: "A directive kind, e.g. train; all kinds when absent.")
    var kind: String?

    func run() throws {
        let registry = distilleryDirectives
        let names = registry.kinds.keys.sorted()
        if let kind {
            guard let type = registry.kinds[kind.trimmingCharacters(in: CharacterSet(charactersIn: "{}"))] else {
                throw ValidationError("unknown directive kind '\(kind)'\(didYouMean(kind, among: names)); the kinds are \(names.joined(separator: ", "))")
            }
            print(DirectiveReference.text(for: type), terminator: "")
        } else {
            print(DirectiveReference.overview(registry) + "\n" + names.map { DirectiveReference.text(for: registry.kinds[$0]!) }.joined(separator: "\n"),
                  terminator: "")
        }
    }
}
