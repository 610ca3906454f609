/// A labelled table of examples: one row of features per example, classes numbered from 0.
public struct Dataset: Sendable, Equatable {
    public let name: String
    public let features: Matrix<Float>
    public let labels: [Int]
    public let featureNames: [String]
    public let classNames: [String]

    public init(name: String, features: Matrix<Float>, labels: [Int], featureNames: [String], classNames: [String]) {
        precondition(labels.count == features.rows, "one label per example")
        precondition(featureNames.count == features.columns, "one name per feature")
        // The losses and scores index rows of logits by label and trust it to be in range.
        precondition(labels.allSatisfy { $0 >= 0 && $0 < classNames.count }, "labels are class indices")
        self.name = name
        self.features = features
        self.labels = labels
        self.featureNames = featureNames
        self.classNames = classNames
    }

    public var exampleCount: Int { features.rows }
    public var classCount: Int { classNames.count }

    /// Number of examples of each class, indexed by class.
    public var classCounts: [Int] {
        var counts = [Int](repeating: 0, count: classCount)
        for label in labels { counts[label] += 1 }
        return counts
    }

    /// The examples at the given indices, in that order.
    public func subset(_ indices: [Int]) -> Dataset {
        Dataset(name: name, features: features.gatherRows(indices), labels: indices.map { labels[$0] },
                featureNames: featureNames, classNames: classNames)
    }
}
