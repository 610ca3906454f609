import Foundation
import Notebook

/// `distillery build --explain NAME`.
enum Explanation {
    static func text(for name: String, book: BookOptions) throws -> String {
        let plan = try Pipeline.plan(try Pipeline.load(book).parsed)
        guard let text = Pipeline.cache(for: plan, files: ProjectFiles(projectDirectory: book.projectURL)).explanation(of: name) else {
            let names = plan.steps.map(\.invocation.name)
            throw Diagnostic(at: nil, "no directive is named '\(name)'\(didYouMean(name, among: names))")
        }
        return text
    }
}
