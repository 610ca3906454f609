import Dispatch
import Foundation

/// Runs a plan's directives and keeps their results by name. With a cache, a directive whose
/// result key is stored is not run; one that must run first gets the values of its cached
/// dependencies by rerunning them (their expensive parts come from the cache). Independent
/// directives run in parallel; the results do not depend on how many at once.
public enum Executor {
    public struct Options: Sendable {
        /// How many directives may run at once.
        public var jobs: Int
        /// After a failure, run everything that does not depend on it, and show each failure in
        /// its directive's place instead of stopping.
        public var keepGoing: Bool
        public var progress: (any ProgressSink)?

        public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, keepGoing: Bool = false,
                    progress: (any ProgressSink)? = nil) {
            self.jobs = max(1, jobs)
            self.keepGoing = keepGoing
            self.progress = progress
        }
    }

    /// Runs every step without a cache.
    public static func run(_ plan: BuildPlan, projectDirectory: URL) throws -> [String: DirectiveResult] {
        try run(plan, files: ProjectFiles(projectDirectory: projectDirectory), cache: nil).results
    }

    /// Runs what the cache does not hold. Without `keepGoing` the first failure (in reading
    /// order) stops the build with a diagnostic at the failing directive; with it, the
    /// failures are in `Execution.failures` and shown in place.
    public static func run(_ plan: BuildPlan, files: ProjectFiles, cache: BuildCache?, options: Options = Options()) throws -> Execution {
        let kinds = Dictionary(uniqueKeysWithValues: plan.steps.map { ($0.invocation.name, $0.invocation.kind) })
        var results = [String: DirectiveResult]()
        var statuses = [String: StepOutcome.Status]()
        // Which directives run: those the cache lacks, and the cached ones whose values they use.
        // Entries are read and checked on every core: on a rebuild that is most of the work.
        let lookups = LookupSlots(count: plan.steps.count)
        if let cache {
            DispatchQueue.concurrentPerform(iterations: plan.steps.count) { index in
                lookups.set(index, cache.result(of: plan.steps[index].invocation.name))
            }
        }
        for (index, step) in plan.steps.enumerated() {
            let name = step.invocation.name
            switch lookups.get(index) {
            case nil: statuses[name] = .ran(reasons: ["cache off"])
            case .hit(let result)?: results[name] = result; statuses[name] = .cached
            case .miss(let reasons)?: statuses[name] = .ran(reasons: reasons)
            }
        }
        // Dependents come after their dependencies, so walking backwards reaches every cached
        // directive whose value some running one needs, however deep.
        for step in plan.steps.reversed() where !isCached(statuses[step.invocation.name]!) {
            for dependency in step.directive.dependencies {
                if let status = statuses[dependency.name], isCached(status) {
                    statuses[dependency.name] = .restored(for: step.invocation.name)
                }
            }
        }
        let toRun = plan.steps.filter { !isCached(statuses[$0.invocation.name]!) }
        let scheduler = Scheduler(plan: plan, steps: toRun, statuses: statuses, known: results, kinds: kinds, files: files,
                                  cache: cache, options: options)
        let finished = scheduler.run()
        var outcomes = [StepOutcome]()
        var failures = [Diagnostic]()
        for step in plan.steps {
            let name = step.invocation.name
            if let outcome = finished.outcomes[name] { outcomes.append(outcome) } else {
                outcomes.append(StepOutcome(name: name, kind: step.invocation.kind, status: statuses[name]!, seconds: 0, computations: 0))
            }
            if let failure = finished.failures[name] { failures.append(failure) }
            if let result = finished.results[name] { results[name] = result }
        }
        if let first = failures.first, !options.keepGoing { throw first }
        cache?.finish()
        return Execution(results: results, outcomes: outcomes, warnings: cache?.store.warnings ?? [], failures: failures)
    }

    private static func isCached(_ status: StepOutcome.Status) -> Bool {
        if case .cached = status { return true }
        return false
    }
}

/// The cache lookups of a plan's steps, filled from several threads.
private final class LookupSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [BuildCache.Lookup?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ lookup: BuildCache.Lookup) {
        lock.lock(); defer { lock.unlock() }
        slots[index] = lookup
    }

    func get(_ index: Int) -> BuildCache.Lookup? {
        lock.lock(); defer { lock.unlock() }
        return slots[index]
    }
}

/// Runs the steps that must run, each once its dependencies are done, at most `jobs` at a time.
private final class Scheduler: @unchecked Sendable {
    let steps: [BuildPlan.Step]
    let statuses: [String: StepOutcome.Status]
    let kinds: [String: String]
    let files: ProjectFiles
    let cache: BuildCache?
    let options: Executor.Options
    let trainingBudget: Double

    private let condition = NSCondition()
    private var results: [String: DirectiveResult]
    private var outcomes = [String: StepOutcome]()
    private var failures = [String: Diagnostic]()
    private var done = Set<String>()
    private var running = 0

    init(plan: BuildPlan, steps: [BuildPlan.Step], statuses: [String: StepOutcome.Status], known: [String: DirectiveResult], kinds: [String: String],
         files: ProjectFiles, cache: BuildCache?, options: Executor.Options) {
        self.steps = steps
        self.statuses = statuses
        results = known
        self.kinds = kinds
        self.files = files
        self.cache = cache
        self.options = options
        trainingBudget = plan.parsed.book.settings.trainingBudgetTFLOP * 1e12
    }

    func run() -> (results: [String: DirectiveResult], outcomes: [String: StepOutcome], failures: [String: Diagnostic]) {
        let names = Set(steps.map(\.invocation.name))
        var pending = steps
        condition.lock()
        while !pending.isEmpty || running > 0 {
            let stopping = !failures.isEmpty && !options.keepGoing
            if !stopping {
                var index = 0
                while index < pending.count, running < options.jobs {
                    let step = pending[index]
                    let dependencies = Set(step.directive.dependencies.map(\.name)).intersection(names)
                    if let failed = dependencies.sorted().first(where: { failures[$0] != nil || outcomes[$0].map(isSkipped) == true }) {
                        pending.remove(at: index)
                        skip(step, because: failed)
                        continue
                    }
                    guard dependencies.isSubset(of: done) else { index += 1; continue }
                    pending.remove(at: index)
                    launch(step)
                }
            } else {
                pending.removeAll()
            }
            if running > 0 { condition.wait() } else if !pending.isEmpty { break }  // cannot happen in a plan without cycles
        }
        condition.unlock()
        return (results, outcomes, failures)
    }

    private func isSkipped(_ outcome: StepOutcome) -> Bool {
        if case .skipped = outcome.status { return true }
        return false
    }

    /// Called with the lock held.
    private func skip(_ step: BuildPlan.Step, because failed: String) {
        let name = step.invocation.name
        let message = "not run: it uses '\(failed)', which failed"
        results[name] = DirectiveResult(blocks: [.failure(message)])
        outcomes[name] = StepOutcome(name: name, kind: step.invocation.kind, status: .skipped(because: failed), seconds: 0, computations: 0)
        done.insert(name)
    }

    /// Called with the lock held.
    private func launch(_ step: BuildPlan.Step) {
        running += 1
        let name = step.invocation.name
        let visible = Dictionary(step.directive.dependencies.compactMap { dependency in
            results[dependency.name].map { (dependency.name, $0) }
        }, uniquingKeysWith: { first, _ in first })
        let computations = cache?.computations(of: name)
        let context = ExecutionContext(results: visible, kinds: kinds, files: files, computations: computations,
                                       progress: WorkProgress(name: name, sink: options.progress), trainingBudget: trainingBudget)
        let status = statuses[name]!
        DispatchQueue.global().async { [self] in
            options.progress?.started(name)
            let start = DispatchTime.now().uptimeNanoseconds
            let outcome: Result<DirectiveResult, Diagnostic>
            do {
                outcome = .success(try step.directive.run(in: context))
            } catch let diagnostic as Diagnostic {
                outcome = .failure(diagnostic)
            } catch let list as DiagnosticList {
                outcome = .failure(list.diagnostics.first ?? Diagnostic(at: step.invocation.location, "{\(step.invocation.kind)} \(name) failed"))
            } catch {
                outcome = .failure(Diagnostic(at: step.invocation.location, "{\(step.invocation.kind)} \(name): \(error)"))
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            options.progress?.finished(name)
            if case .success(let result) = outcome, case .ran = status { cache?.store(result, of: name) }
            condition.lock()
            switch outcome {
            case .success(let result):
                results[name] = result
                outcomes[name] = StepOutcome(name: name, kind: step.invocation.kind, status: status, seconds: seconds,
                                             computations: computations?.count ?? 0)
            case .failure(let diagnostic):
                failures[name] = diagnostic
                results[name] = DirectiveResult(blocks: [.failure(diagnostic.description)])
                outcomes[name] = StepOutcome(name: name, kind: step.invocation.kind, status: .failed, seconds: seconds,
                                             computations: computations?.count ?? 0)
            }
            done.insert(name)
            running -= 1
            condition.signal()
            condition.unlock()
        }
    }
}
