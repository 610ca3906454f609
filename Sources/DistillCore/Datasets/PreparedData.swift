/// A data set split into standardised train and test parts, ready for training.
public struct PreparedData: Sendable, Equatable {
    public let train: Dataset
    public let test: Dataset

    /// Split `dataset` with a stratified split and standardise both parts on the training
    /// statistics.
    public init(_ dataset: Dataset, testFraction: Double, splitSeed: UInt64) {
        let split = StratifiedSplit(labels: dataset.labels, testFraction: testFraction, seed: splitSeed)
        let rawTrain = dataset.subset(split.trainIndices)
        let rawTest = dataset.subset(split.testIndices)
        let standardizer = Standardizer(fittedOn: rawTrain.features)
        train = Dataset(name: dataset.name, features: standardizer.transform(rawTrain.features), labels: rawTrain.labels,
                        featureNames: dataset.featureNames, classNames: dataset.classNames)
        test = Dataset(name: dataset.name, features: standardizer.transform(rawTest.features), labels: rawTest.labels,
                       featureNames: dataset.featureNames, classNames: dataset.classNames)
    }

    public var featureCount: Int { train.features.columns }
    public var classCount: Int { train.classCount }
}
