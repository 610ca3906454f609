/// The directives of a book, checked and ordered so that each runs after what it depends on.
public struct BuildPlan: Sendable {
    public struct Step: Sendable {
        public let invocation: DirectiveInvocation
        public let directive: any Directive
    }

    /// In dependency order; among independent directives, document order.
    public let steps: [Step]

    /// Instantiates every directive and checks names and dependencies, reporting all the
    /// mistakes found (unknown kinds and options, duplicate names, unknown references, cycles).
    public init(_ parsed: ParsedBook, registry: DirectiveRegistry) throws {
        var problems = [Diagnostic]()
        var documentOrder = [Step]()
        var byName = [String: DirectiveInvocation]()
        for invocation in parsed.invocations.joined() {
            if let earlier = byName[invocation.name] {
                problems.append(Diagnostic(at: invocation.location,
                                           "the name '\(invocation.name)' is already used by the directive at \(earlier.location)"))
                continue
            }
            byName[invocation.name] = invocation
            do {
                documentOrder.append(Step(invocation: invocation, directive: try registry.instantiate(invocation)))
            } catch let diagnostic as Diagnostic {
                problems.append(diagnostic)
            }
        }
        for step in documentOrder {
            for dependency in step.directive.dependencies where byName[dependency] == nil {
                problems.append(Diagnostic(at: step.invocation.location,
                                           "'\(dependency)' is not the name of any directive\(didYouMean(dependency, among: byName.keys.sorted()))"))
            }
        }
        if problems.isEmpty, let cycle = Self.findCycle(documentOrder) {
            problems.append(Diagnostic(at: cycle.first!.invocation.location,
                                       "directives depend on each other in a cycle: \(cycle.map(\.invocation.name).joined(separator: " → "))"))
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        steps = Self.dependencyOrder(documentOrder)
    }

    /// Depth-first topological order that visits directives in document order.
    private static func dependencyOrder(_ steps: [Step]) -> [Step] {
        let byName = Dictionary(uniqueKeysWithValues: steps.map { ($0.invocation.name, $0) })
        var ordered = [Step]()
        var done = Set<String>()
        func visit(_ step: Step) {
            guard done.insert(step.invocation.name).inserted else { return }
            for dependency in step.directive.dependencies { byName[dependency].map(visit) }
            ordered.append(step)
        }
        steps.forEach(visit)
        return ordered
    }

    /// The directives of one dependency cycle, if there is one.
    private static func findCycle(_ steps: [Step]) -> [Step]? {
        let byName = Dictionary(uniqueKeysWithValues: steps.map { ($0.invocation.name, $0) })
        var state = [String: Bool]()  // false: on the current path, true: finished
        var path = [Step]()
        func visit(_ step: Step) -> [Step]? {
            let name = step.invocation.name
            if state[name] == true { return nil }
            if state[name] == false {
                let start = path.firstIndex { $0.invocation.name == name }!
                return Array(path[start...]) + [step]
            }
            state[name] = false
            path.append(step)
            for dependency in step.directive.dependencies {
                if let next = byName[dependency], let cycle = visit(next) { return cycle }
            }
            path.removeLast()
            state[name] = true
            return nil
        }
        for step in steps { if let cycle = visit(step) { return cycle } }
        return nil
    }
}
