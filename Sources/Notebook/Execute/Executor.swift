import Foundation

/// Runs a plan's directives in order and keeps their results by name.
public enum Executor {
    /// Runs every step, each seeing only the results it declared; the first failure stops the
    /// build with a diagnostic at the failing directive.
    public static func run(_ plan: BuildPlan, projectDirectory: URL) throws -> [String: DirectiveResult] {
        var results = [String: DirectiveResult]()
        let kinds = Dictionary(uniqueKeysWithValues: plan.steps.map { ($0.invocation.name, $0.invocation.kind) })
        for step in plan.steps {
            let visible = Dictionary(step.directive.dependencies.compactMap { dependency in
                results[dependency.name].map { (dependency.name, $0) }
            }, uniquingKeysWith: { first, _ in first })
            let context = ExecutionContext(results: visible, kinds: kinds, projectDirectory: projectDirectory)
            do {
                results[step.invocation.name] = try step.directive.run(in: context)
            } catch let diagnostic as Diagnostic {
                throw diagnostic
            } catch let list as DiagnosticList {
                throw list
            } catch {
                throw Diagnostic(at: step.invocation.location, "{\(step.invocation.kind)} \(step.invocation.name): \(error)")
            }
        }
        return results
    }
}
