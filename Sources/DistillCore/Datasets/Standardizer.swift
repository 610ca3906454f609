/// Per-feature standardisation z = (x − mean) / std, fitted on the training split only so no
/// information from the test set leaks into training. Uses the population standard deviation
/// (as scikit-learn's StandardScaler); a constant feature is only centred.
public struct Standardizer: Sendable, Equatable {
    public let means: [Float]
    public let deviations: [Float]

    public init(fittedOn features: Matrix<Float>) {
        var means = [Float]()
        var deviations = [Float]()
        for c in 0..<features.columns {
            var sum = 0.0
            for r in 0..<features.rows { sum += Double(features[r, c]) }
            let mean = sum / Double(features.rows)
            var squares = 0.0
            for r in 0..<features.rows { squares += (Double(features[r, c]) - mean) * (Double(features[r, c]) - mean) }
            let deviation = (squares / Double(features.rows)).squareRoot()
            means.append(Float(mean))
            deviations.append(deviation > 0 ? Float(deviation) : 1)
        }
        self.means = means
        self.deviations = deviations
    }

    /// The identity (mean 0, deviation 1): features left as they are.
    public init(identityFor columns: Int) {
        means = Array(repeating: 0, count: columns)
        deviations = Array(repeating: 1, count: columns)
    }

    public func transform(_ features: Matrix<Float>) -> Matrix<Float> {
        var out = features
        for r in 0..<features.rows {
            for c in 0..<features.columns { out[r, c] = (features[r, c] - means[c]) / deviations[c] }
        }
        return out
    }
}
