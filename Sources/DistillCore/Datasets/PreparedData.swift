/// A data set split into standardised train and test parts, ready for training.
///
/// The standardisation is fitted on the whole training split, before any training examples
/// are dropped or subsampled, so that every run on the same data, test fraction and split
/// seed — a teacher and its students — sees inputs on the same scale and the same test set.
public struct PreparedData: Sendable, Equatable {
    public let train: Dataset
    public let test: Dataset
    public let standardizer: Standardizer
    /// What the data was made from, to check that a teacher and a student share it.
    public let recipe: Recipe

    public struct Recipe: Sendable, Hashable {
        public var dataset: String
        public var testFraction: Double
        public var splitSeed: UInt64
        /// Share of each class of the training split that is kept (1: all).
        public var trainFraction: Double
        /// Classes removed from the training split (the test split keeps them).
        public var droppedClasses: [Int]
        /// Whether features are standardised on the training split's statistics.
        public var standardize: Bool
        /// The separate test file, when the test set is given rather than split off.
        public var testDataset: String?

        public init(dataset: String, testFraction: Double = 0.2, splitSeed: UInt64 = 0,
                    trainFraction: Double = 1, droppedClasses: [Int] = [], standardize: Bool = true,
                    testDataset: String? = nil) {
            self.dataset = dataset
            self.testFraction = testFraction
            self.splitSeed = splitSeed
            self.trainFraction = trainFraction
            self.droppedClasses = droppedClasses
            self.standardize = standardize
            self.testDataset = testDataset
        }
    }

    public init(_ dataset: Dataset, testFraction: Double, splitSeed: UInt64) {
        self.init(dataset, recipe: Recipe(dataset: dataset.name, testFraction: testFraction, splitSeed: splitSeed))
    }

    public init(_ dataset: Dataset, recipe: Recipe) {
        let split = StratifiedSplit(labels: dataset.labels, testFraction: recipe.testFraction, seed: recipe.splitSeed)
        self.init(train: dataset.subset(split.trainIndices), test: dataset.subset(split.testIndices), recipe: recipe)
    }

    /// Data whose test set is given as it is (a second file): no split, the same
    /// standardisation, `train_fraction` and dropped classes as after a split.
    public init(train fullTrain: Dataset, test: Dataset, recipe: Recipe) {
        precondition(recipe.trainFraction > 0 && recipe.trainFraction <= 1, "train fraction must be in (0, 1]")
        precondition(fullTrain.classNames == test.classNames, "train and test number their classes alike")
        let standardizer = recipe.standardize ? Standardizer(fittedOn: fullTrain.features)
            : Standardizer(identityFor: fullTrain.features.columns)
        var kept = Array(0..<fullTrain.exampleCount)
        if recipe.trainFraction < 1 {
            // A stratified subsample: the same stratified split, keeping its "test" part.
            let subsample = StratifiedSplit(labels: fullTrain.labels, testFraction: recipe.trainFraction,
                                            seed: recipe.splitSeed &+ 1)
            kept = subsample.testIndices
        }
        kept.removeAll { recipe.droppedClasses.contains(fullTrain.labels[$0]) }
        func standardized(_ part: Dataset) -> Dataset {
            Dataset(name: part.name, features: standardizer.transform(part.features), labels: part.labels,
                    featureNames: part.featureNames, classNames: part.classNames)
        }
        train = standardized(fullTrain.subset(kept))
        self.test = standardized(test)
        self.standardizer = standardizer
        self.recipe = recipe
    }

    public var featureCount: Int { train.features.columns }
    public var classCount: Int { train.classCount }
}
