import Foundation

/// Runs a plan's directives in order and keeps their results by name. With a cache, a
/// directive whose result key is stored is not run; one that must run first gets the values of
/// its cached dependencies by rerunning them, their expensive parts coming from the cache.
public enum Executor {
    /// Runs every step without a cache.
    public static func run(_ plan: BuildPlan, projectDirectory: URL) throws -> [String: DirectiveResult] {
        try run(plan, projectDirectory: projectDirectory, cache: nil).results
    }

    /// Runs what the cache does not hold; the first failure stops the build with a diagnostic
    /// at the failing directive.
    public static func run(_ plan: BuildPlan, projectDirectory: URL, cache: BuildCache?) throws -> Execution {
        var run = Run(plan: plan, projectDirectory: projectDirectory, cache: cache)
        for step in plan.steps { try run.execute(step) }
        cache?.finish()
        return Execution(results: run.results, outcomes: plan.steps.compactMap { run.outcomes[$0.invocation.name] },
                         warnings: cache?.store.warnings ?? [])
    }

    private struct Run {
        let plan: BuildPlan
        let projectDirectory: URL
        let cache: BuildCache?
        let kinds: [String: String]
        let steps: [String: BuildPlan.Step]
        var results = [String: DirectiveResult]()
        var outcomes = [String: StepOutcome]()
        /// Directives taken from the cache whose value has not been rebuilt.
        var withoutValue = Set<String>()

        init(plan: BuildPlan, projectDirectory: URL, cache: BuildCache?) {
            self.plan = plan
            self.projectDirectory = projectDirectory
            self.cache = cache
            kinds = Dictionary(uniqueKeysWithValues: plan.steps.map { ($0.invocation.name, $0.invocation.kind) })
            steps = Dictionary(uniqueKeysWithValues: plan.steps.map { ($0.invocation.name, $0) })
        }

        mutating func execute(_ step: BuildPlan.Step) throws {
            let name = step.invocation.name
            var reasons = ["cache off"]
            if let cache {
                switch cache.result(of: name) {
                case .hit(let result):
                    results[name] = result
                    withoutValue.insert(name)
                    outcomes[name] = StepOutcome(name: name, kind: step.invocation.kind, status: .cached, seconds: 0, computations: 0)
                    return
                case .miss(let why):
                    reasons = why
                }
            }
            let (result, outcome) = try perform(step, status: .ran(reasons: reasons))
            results[name] = result
            outcomes[name] = outcome
            cache?.store(result, of: name)
        }

        /// Reruns a cached directive for its value.
        mutating func restore(_ name: String, for user: String) throws {
            guard withoutValue.contains(name), let step = steps[name] else { return }
            let (result, outcome) = try perform(step, status: .restored(for: user))
            results[name] = result
            outcomes[name] = outcome
            withoutValue.remove(name)
        }

        mutating func perform(_ step: BuildPlan.Step, status: StepOutcome.Status) throws -> (DirectiveResult, StepOutcome) {
            let name = step.invocation.name
            for dependency in step.directive.dependencies { try restore(dependency.name, for: name) }
            let visible = Dictionary(step.directive.dependencies.compactMap { dependency in
                results[dependency.name].map { (dependency.name, $0) }
            }, uniquingKeysWith: { first, _ in first })
            let computations = cache?.computations(of: name)
            let context = ExecutionContext(results: visible, kinds: kinds, projectDirectory: projectDirectory, computations: computations)
            let start = DispatchTime.now().uptimeNanoseconds
            let result: DirectiveResult
            do {
                result = try step.directive.run(in: context)
            } catch let diagnostic as Diagnostic {
                throw diagnostic
            } catch let list as DiagnosticList {
                throw list
            } catch {
                throw Diagnostic(at: step.invocation.location, "{\(step.invocation.kind)} \(name): \(error)")
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            return (result, StepOutcome(name: name, kind: step.invocation.kind, status: status, seconds: seconds,
                                        computations: computations?.count ?? 0))
        }
    }
}
