import DistillCore

/// The value a {train}, {distill} or {model} directive hands to the directives that use it: the
/// data and one network per seed, with the training histories when it trained them.
public struct TrainedRuns: Sendable {
    /// The directive kinds whose value this is: what an option naming networks accepts.
    static let kinds = ["train", "distill", "model"]

    public let name: String
    /// The directive kind that made it: "train", "distill" or "model".
    let kind: String
    let split: SplitData
    /// The data the networks trained on (its test set is the split's).
    public let data: PreparedData
    public let seeds: [UInt64]
    public let models: [MLP<Float>]
    /// Per-seed training, absent for a loaded {model}.
    public let runs: SeededRuns?
    /// The test-set scores of each seed's final network, computed once.
    let evaluations: [Evaluation]
    /// Each seed's confusion matrix on the test set, from the same logits.
    let confusions: [ConfusionMatrix]
    /// For a distilled student: its teacher and the loss settings.
    let distillation: Distillation?

    /// A class, since a student's value holds its teacher's.
    final class Distillation: Sendable {
        let teacher: TrainedRuns
        let temperature: Double
        let alpha: Double
        /// Top-1 agreement and KL(teacher ‖ student) on the test set, per seed.
        let agreement: [TeacherAgreement]
        /// The directive that distilled it (a {sweep} varies its settings).
        let recipe: DistillDirective

        init(teacher: TrainedRuns, temperature: Double, alpha: Double, agreement: [TeacherAgreement], recipe: DistillDirective) {
            self.teacher = teacher
            self.temperature = temperature
            self.alpha = alpha
            self.agreement = agreement
            self.recipe = recipe
        }
    }

    init(name: String, kind: String, split: SplitData, data: PreparedData, runs: SeededRuns, distillation: Distillation? = nil) {
        self.name = name
        self.kind = kind
        self.split = split
        self.data = data
        self.seeds = runs.seeds
        self.models = runs.runs.map(\.model)
        self.runs = runs
        self.distillation = distillation
        (evaluations, confusions) = Self.evaluate(models, on: data)
    }

    init(name: String, split: SplitData, model: MLP<Float>) {
        self.name = name
        kind = "model"
        self.split = split
        data = split.prepared()
        seeds = [0]
        models = [model]
        runs = nil
        distillation = nil
        (evaluations, confusions) = Self.evaluate(models, on: data)
    }

    var architecture: MLPArchitecture { models[0].architecture }

    /// The test-set scores and confusion matrix of every seed's network, one forward pass each.
    private static func evaluate(_ models: [MLP<Float>], on data: PreparedData) -> ([Evaluation], [ConfusionMatrix]) {
        let logits = models.map { $0.logits(data.test.features) }
        return (logits.map { Evaluation(logits: $0, labels: data.test.labels) },
                logits.map { ConfusionMatrix(logits: $0, labels: data.test.labels) })
    }

    /// Test accuracy over the seeds with its 95% interval.
    var accuracy: AccuracyInterval {
        AccuracyInterval(accuracies: evaluations.map(\.accuracy), testCount: data.test.exampleCount)
    }

    /// The network that teaches student seed `index` of `count`: the same seed when the
    /// teacher has as many, else its only one.
    func teacherModel(forSeedAt index: Int) -> MLP<Float> {
        models[models.count == 1 ? 0 : index]
    }
}
