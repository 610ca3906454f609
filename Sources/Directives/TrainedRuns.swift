import DistillCore

/// The value a {train} or {distill} directive hands to the directives that use it: the data it
/// trained on and one trained network per seed.
public struct TrainedRuns: Sendable {
    public let name: String
    public let dataset: Dataset
    public let data: PreparedData
    public let runs: SeededRuns
    /// For a distilled student: its teacher's name and the loss settings.
    public let distillation: Distillation?

    public struct Distillation: Sendable {
        public let teacher: String
        public let temperature: Double
        public let alpha: Double
        /// Top-1 agreement and KL(teacher ‖ student) on the test set, per seed.
        public let agreement: [TeacherAgreement]
    }
}
