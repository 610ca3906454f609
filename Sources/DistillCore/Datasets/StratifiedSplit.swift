/// A train/test split that keeps each class's share the same in both parts.
public struct StratifiedSplit: Sendable, Equatable {
    /// Indices into the data set, ascending.
    public let trainIndices: [Int]
    /// Indices into the data set, ascending.
    public let testIndices: [Int]

    /// The test set has ⌈testFraction × n⌉ examples (scikit-learn's convention), shared out
    /// among the classes in proportion to their sizes: each class gets the whole part of its
    /// share, and the examples left over go to the classes with the largest remainders (ties to
    /// the lower class index). Which examples of a class go to the test set is drawn with `seed`.
    public init(labels: [Int], testFraction: Double, seed: UInt64) {
        precondition(testFraction > 0 && testFraction < 1, "test fraction must be in (0, 1)")
        var generator = SeededGenerator.stream(seed: seed, .split)
        var byClass = [Int: [Int]]()
        for (index, label) in labels.enumerated() { byClass[label, default: []].append(index) }
        let classes = byClass.keys.sorted()
        let shares = classes.map { testFraction * Double(byClass[$0]!.count) }
        var testCounts = shares.map { Int($0.rounded(.down)) }
        let total = Int((testFraction * Double(labels.count)).rounded(.up))
        let remainders = classes.indices.map { shares[$0] - Double(testCounts[$0]) }
        let byRemainder = classes.indices.sorted { remainders[$0] != remainders[$1] ? remainders[$0] > remainders[$1] : $0 < $1 }
        for position in byRemainder.prefix(max(0, total - testCounts.reduce(0, +))) { testCounts[position] += 1 }
        var train = [Int]()
        var test = [Int]()
        for (position, label) in classes.enumerated() {
            var members = byClass[label]!
            members.seededShuffle(using: &generator)
            let count = min(testCounts[position], members.count)
            test += members.prefix(count)
            train += members.dropFirst(count)
        }
        trainIndices = train.sorted()
        testIndices = test.sorted()
    }
}
