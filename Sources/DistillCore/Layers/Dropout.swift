/// Inverted dropout (as `nn.Dropout` in training mode): each hidden unit is kept with
/// probability 1 − p and scaled by 1/(1 − p), so evaluation needs no rescaling.
/// The mask comes from the run's own seeded stream.
public struct Dropout: Sendable, Hashable {
    public let probability: Float

    public init(probability: Float) {
        precondition(probability >= 0 && probability < 1, "dropout probability must be in [0, 1)")
        self.probability = probability
    }

    /// Fills `mask` with 0 or 1/(1 − p) and multiplies `values` by it.
    func apply<T: TrainingScalar>(_ values: UnsafeMutablePointer<T>, mask: UnsafeMutablePointer<T>, count: Int,
                                  generator: inout SeededGenerator) {
        let scale = T(1 / (1 - probability))
        for i in 0..<count {
            mask[i] = generator.nextUnitFloat() < probability ? 0 : scale
            values[i] *= mask[i]
        }
    }

    /// Backward: gradient ← gradient · mask.
    func backward<T: TrainingScalar>(_ gradient: UnsafeMutablePointer<T>, mask: UnsafePointer<T>, count: Int) {
        for i in 0..<count { gradient[i] *= mask[i] }
    }
}
