import DistillCore

/// The value a `{train}` directive hands to the directives that use it.
public struct TrainedRun: Sendable {
    public let name: String
    public let configuration: TrainingConfiguration
    public let data: PreparedData
    public let result: TrainedModel
}
