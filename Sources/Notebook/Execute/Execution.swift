/// What a build did: every directive's result, and for each whether it ran, came from the
/// cache, or reran for another's sake, and why.
public struct Execution: Sendable {
    public let results: [String: DirectiveResult]
    /// In the plan's order.
    public let outcomes: [StepOutcome]
    /// Problems with the cache (damaged entries, an unwritable folder); the build went on.
    public let warnings: [String]
    /// With `--keep-going`: the directives that failed, in reading order.
    public let failures: [Diagnostic]

    /// The log printed after a build: one line per directive, then the slowest few.
    public func summary(slowest count: Int = 3) -> [String] {
        let width = outcomes.map(\.name.count).max() ?? 0
        var lines = outcomes.map { outcome in
            let name = outcome.name.padding(toLength: width, withPad: " ", startingAt: 0)
            switch outcome.status {
            case .cached: return "  cached    \(outcome.name)"
            case .ran(let reasons): return "  ran       \(name)  \(Self.time(outcome.seconds))\(Self.computed(outcome))  (\(reasons.joined(separator: ", ")))"
            case .restored(let user): return "  reloaded  \(name)  \(Self.time(outcome.seconds))\(Self.computed(outcome))  (its value is needed by \(user))"
            case .failed: return "  FAILED    \(name)  \(Self.time(outcome.seconds))"
            case .skipped(let failed): return "  skipped   \(name)  (it uses \(failed), which failed)"
            }
        }
        let ran = outcomes.filter { if case .cached = $0.status { false } else { true } }
        let networks = outcomes.map(\.computations).reduce(0, +)
        let cacheOff = outcomes.allSatisfy { if case .ran(let reasons) = $0.status { reasons == ["cache off"] } else { false } }
        lines.append(cacheOff ? "\(outcomes.count) directives ran (cache off)"
                     : "\(ran.count) of \(outcomes.count) directives ran, \(outcomes.count - ran.count) from the cache; \(networks) computation\(networks == 1 ? "" : "s") not in the cache")
        let slow = ran.sorted { $0.seconds > $1.seconds }.prefix(count).filter { $0.seconds >= 0.01 }
        if !slow.isEmpty {
            lines.append("slowest: " + slow.map { "\($0.name) \(Self.time($0.seconds))" }.joined(separator: ", "))
        }
        return lines
    }

    static func time(_ seconds: Double) -> String {
        seconds < 1 ? "\(Int((seconds * 1000).rounded())) ms" : "\(Double(Int((seconds * 100).rounded())) / 100) s"
    }

    static func computed(_ outcome: StepOutcome) -> String {
        outcome.computations == 0 ? "" : ", \(outcome.computations) computed"
    }
}

/// What happened to one directive in a build.
public struct StepOutcome: Sendable {
    public enum Status: Sendable {
        /// Its result came from the cache; it did not run.
        case cached
        /// It ran, for these reasons ("options changed", "DistillCore changed", "new").
        case ran(reasons: [String])
        /// Its result was cached, but it reran because the named directive, which ran, needs its
        /// value; its own expensive parts came from the cache where they were stored.
        case restored(for: String)
        /// It failed (with `--keep-going`).
        case failed
        /// It did not run because a directive it uses failed (with `--keep-going`).
        case skipped(because: String)
    }

    public let name: String
    public let kind: String
    public let status: Status
    public let seconds: Double
    /// Computations (trained networks) it did that the cache did not hold.
    public let computations: Int
}
