/// One training configuration run over several seeds: the runs in seed order, with the
/// statistics the report quotes (mean and 95% CI over seeds).
public struct SeededRuns: Sendable, Equatable {
    public let seeds: [UInt64]
    public let runs: [TrainedModel]

    public init(seeds: [UInt64], runs: [TrainedModel]) {
        precondition(seeds.count == runs.count && !runs.isEmpty, "one run per seed")
        self.seeds = seeds
        self.runs = runs
    }

    /// A metric's per-epoch mean with its 95% CI over seeds (the band is empty for one seed).
    public func curve(_ metric: KeyPath<EpochRecord, Double>) -> (mean: [Double], lower: [Double], upper: [Double]) {
        let epochs = runs[0].history.epochs.count
        let summaries = (0..<epochs).map { epoch in Summary(runs.map { $0.history.epochs[epoch][keyPath: metric] }) }
        if runs.count == 1 { return (summaries.map(\.mean), summaries.map(\.mean), summaries.map(\.mean)) }
        return (summaries.map(\.mean), summaries.map(\.lower), summaries.map(\.upper))
    }

    /// A metric of the last epoch, summarised over seeds.
    public func final(_ metric: KeyPath<EpochRecord, Double>) -> Summary {
        Summary(runs.map { $0.history.epochs.last![keyPath: metric] })
    }
}
