/// The directives of a book, checked and ordered so that each runs after what it depends on,
/// with the prose references of every chapter checked against them.
public struct BuildPlan: Sendable {
    public struct Step: Sendable {
        public let invocation: DirectiveInvocation
        public let directive: any Directive
        public let options: DirectiveOptions
        /// The kind's type, for what it shows.
        public var kind: any Directive.Type { type(of: directive) }
    }

    public let parsed: ParsedBook
    /// In dependency order; among independent directives, document order.
    public let steps: [Step]
    /// For each chapter, the directives its prose quotes or points at.
    public let chapterDependencies: [Set<String>]

    /// Instantiates every directive and checks names, dependencies and prose references,
    /// reporting all the mistakes found (unknown kinds, options and fields, duplicate names,
    /// references to missing directives or to the wrong kind, cycles).
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
                let (directive, options) = try registry.instantiate(invocation)
                documentOrder.append(Step(invocation: invocation, directive: directive, options: options))
            } catch let diagnostic as Diagnostic {
                problems.append(diagnostic)
            }
        }
        let names = byName.keys.sorted()
        for step in documentOrder {
            for dependency in step.directive.dependencies {
                if let problem = Self.check(dependency, byName: byName, names: names) { problems.append(problem) }
            }
        }
        let steps = Dictionary(uniqueKeysWithValues: documentOrder.map { ($0.invocation.name, $0) })
        var chapterDependencies = [Set<String>]()
        for references in parsed.prose {
            var used = Set<String>()
            for reference in references {
                if let problem = Self.check(reference, steps: steps, known: byName, names: names) {
                    problems.append(problem)
                } else {
                    used.insert(reference.name)
                }
            }
            chapterDependencies.append(used)
        }
        if problems.isEmpty, let cycle = Self.findCycle(documentOrder) {
            problems.append(Diagnostic(at: cycle.first!.invocation.location,
                                       "directives depend on each other in a cycle: \(cycle.map(\.invocation.name).joined(separator: " → "))"))
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        self.parsed = parsed
        self.steps = Self.dependencyOrder(documentOrder)
        self.chapterDependencies = chapterDependencies
    }

    /// A dependency on a missing directive or on one of the wrong kind.
    private static func check(_ dependency: Dependency, byName: [String: DirectiveInvocation], names: [String]) -> Diagnostic? {
        guard let target = byName[dependency.name] else {
            let suggestion = didYouMean(dependency.name, among: names + dependency.alsoAccepted)
            if !dependency.alsoAccepted.isEmpty {
                return Diagnostic(at: dependency.location, "'\(dependency.name)' is neither one of \(dependency.alsoAccepted.joined(separator: ", ")) nor the name of a \(kindList(dependency.kinds)) directive\(suggestion)")
            }
            return Diagnostic(at: dependency.location, "'\(dependency.name)' is not the name of any directive\(suggestion)")
        }
        guard dependency.kinds.isEmpty || dependency.kinds.contains(target.kind) else {
            return Diagnostic(at: dependency.location, "'\(dependency.name)' is a {\(target.kind)} directive, but '\(dependency.option)' needs a \(kindList(dependency.kinds))")
        }
        return nil
    }

    /// An inline value or cross-reference that names nothing it can use.
    private static func check(_ reference: ProseReference, steps: [String: Step], known: [String: DirectiveInvocation],
                              names: [String]) -> Diagnostic? {
        guard let step = steps[reference.name] else {
            if known[reference.name] != nil { return nil }  // its own mistake is reported already
            return Diagnostic(at: reference.location, "'\(reference.name)' is not the name of any directive\(didYouMean(reference.name, among: names))")
        }
        switch reference.content {
        case .crossReference:
            guard !step.kind.shows.isDisjoint(with: [.figure, .table]) else {
                return Diagnostic(at: reference.location, "@\(reference.name) points at a {\(step.invocation.kind)} directive, which shows no figure or table")
            }
        case let .value(field, format):
            let fields = step.directive.fields
            // A field named "prefix.*" stands for any "prefix.word" (a class of the data).
            let pattern = fields.first { $0.key.hasSuffix(".*") && field.hasPrefix($0.key.dropLast()) && field.count > $0.key.count - 1 }
            guard let kind = fields[field] ?? pattern?.value else {
                let list = fields.keys.sorted()
                return Diagnostic(at: reference.location, "{\(step.invocation.kind)} \(reference.name) has no value '\(field)'\(didYouMean(field, among: list))"
                                  + (list.isEmpty ? "" : "; it has \(list.joined(separator: ", "))"))
            }
            if let problem = format.problem(with: kind) {
                return Diagnostic(at: reference.location, "cannot format \(reference.name).\(field): \(problem)")
            }
        }
        return nil
    }

    private static func kindList(_ kinds: [String]) -> String {
        kinds.map { "{\($0)}" }.joined(separator: " or ")
    }

    /// Depth-first topological order that visits directives in document order.
    private static func dependencyOrder(_ steps: [Step]) -> [Step] {
        let byName = Dictionary(uniqueKeysWithValues: steps.map { ($0.invocation.name, $0) })
        var ordered = [Step]()
        var done = Set<String>()
        func visit(_ step: Step) {
            guard done.insert(step.invocation.name).inserted else { return }
            for dependency in step.directive.dependencies { byName[dependency.name].map(visit) }
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
                if let next = byName[dependency.name], let cycle = visit(next) { return cycle }
            }
            path.removeLast()
            state[name] = true
            return nil
        }
        for step in steps { if let cycle = visit(step) { return cycle } }
        return nil
    }
}
