import DistillCore

/// Loaded examples and how they are split into train and test: the full data (or training
/// file), a separate test file if there is one, and the recipe. Every run that shares it — a
/// teacher and its students — sees the same test set on the same scale; each may train on a
/// different share of the training split.
struct SplitData: Sendable {
    let dataset: Dataset
    let testSet: Dataset?
    let recipe: PreparedData.Recipe

    /// The data with this train fraction and these dropped classes (the recipe's when nil).
    func prepared(trainFraction: Double? = nil, droppedClasses: [Int]? = nil) -> PreparedData {
        var recipe = recipe
        if let trainFraction { recipe.trainFraction = trainFraction }
        if let droppedClasses { recipe.droppedClasses = droppedClasses }
        if let testSet { return PreparedData(train: dataset, test: testSet, recipe: recipe) }
        return PreparedData(dataset, recipe: recipe)
    }

    var classNames: [String] { dataset.classNames }
    var name: String { recipe.dataset }
}
