/// A small, fast, seedable generator (SplitMix64, Steele, Lea & Flood 2014).
///
/// Every random draw in DistillCore comes from one of these, owned by the caller, so a run is
/// bit-for-bit reproducible on any machine: the algorithm is ours and uses only integer
/// arithmetic, and the float conversions below are exact.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform Float in [0, 1) with 24 random bits (every value exactly representable).
    public mutating func nextUnitFloat() -> Float {
        Float(next() >> 40) * 0x1p-24
    }

    /// A uniform Float in [low, high).
    public mutating func nextFloat(in low: Float, _ high: Float) -> Float {
        low + (high - low) * nextUnitFloat()
    }

    /// A uniform integer in 0..<upperBound, without modulo bias (Lemire's method).
    public mutating func nextIndex(below upperBound: Int) -> Int {
        precondition(upperBound > 0, "upper bound must be positive")
        let bound = UInt64(upperBound)
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return Int(product.high)
    }

    /// A generator for an independent stream derived from this seed and a label, so that
    /// e.g. the data split and the weight initialisation of one seed do not share draws.
    public static func stream(seed: UInt64, _ purpose: StreamPurpose) -> SeededGenerator {
        var mixer = SeededGenerator(seed: seed ^ purpose.rawValue)
        return SeededGenerator(seed: mixer.next())
    }
}

/// Labels for the independent random streams one seed fans out into.
public enum StreamPurpose: UInt64, Sendable {
    case split = 0x5350_4C49_5400_0000
    case initialization = 0x494E_4954_0000_0000
    case shuffle = 0x5348_5546_0000_0000
    case dropout = 0x4452_4F50_0000_0000
}

extension Array {
    /// Fisher–Yates shuffle with our own generator, so the order does not depend on the
    /// standard library's shuffling algorithm.
    public mutating func seededShuffle(using generator: inout SeededGenerator) {
        guard count > 1 else { return }
        for i in stride(from: count - 1, to: 0, by: -1) {
            let j = generator.nextIndex(below: i + 1)
            if i != j { swapAt(i, j) }
        }
    }
}
