/// A train/test split that keeps each class's share the same in both parts.
public struct StratifiedSplit: Sendable, Equatable {
    /// Indices into the data set, ascending.
    public let trainIndices: [Int]
    /// Indices into the data set, ascending.
    public let testIndices: [Int]

    /// Each class's examples are shuffled with `seed`, and round(testFraction × class size)
    /// of them go to the test set (at least one when the class has two or more examples).
    public init(labels: [Int], testFraction: Double, seed: UInt64) {
        precondition(testFraction > 0 && testFraction < 1, "test fraction must be in (0, 1)")
        var generator = SeededGenerator.stream(seed: seed, .split)
        var byClass = [Int: [Int]]()
        for (index, label) in labels.enumerated() { byClass[label, default: []].append(index) }
        var train = [Int]()
        var test = [Int]()
        for label in byClass.keys.sorted() {
            var members = byClass[label]!
            members.seededShuffle(using: &generator)
            var testCount = Int((testFraction * Double(members.count)).rounded())
            if members.count >= 2 { testCount = min(max(testCount, 1), members.count - 1) }
            test += members.prefix(testCount)
            train += members.dropFirst(testCount)
        }
        trainIndices = train.sorted()
        testIndices = test.sorted()
    }
}
