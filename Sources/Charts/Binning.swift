import Foundation

/// How a histogram divides its range into bins.
public enum Binning: Sendable, Equatable {
    /// A fixed number of equal-width bins.
    case count(Int)
    /// Freedman–Diaconis: width 2·IQR·n^(−1/3), robust to outliers; falls back to Sturges'
    /// rule (⌈log₂ n⌉ + 1 bins) when the interquartile range is zero. At most 100 bins.
    case freedmanDiaconis

    /// Equal-width bin edges from the smallest to the largest value (a constant sample gets one
    /// bin of width 1 centred on it).
    public func edges(for values: [Double]) -> [Double] {
        let sorted = values.sorted()
        let (low, high) = (sorted.first!, sorted.last!)
        guard high > low else { return [low - 0.5, low + 0.5] }
        let bins: Int
        switch self {
        case .count(let count):
            bins = max(1, count)
        case .freedmanDiaconis:
            let iqr = Self.quantile(sorted, 0.75) - Self.quantile(sorted, 0.25)
            if iqr > 0 {
                let width = 2 * iqr * pow(Double(sorted.count), -1.0 / 3)
                bins = min(100, max(1, Int(((high - low) / width).rounded(.up))))
            } else {
                bins = Int(log2(Double(sorted.count)).rounded(.up)) + 1
            }
        }
        return (0...bins).map { low + (high - low) * Double($0) / Double(bins) }
    }

    /// Counts per bin; the last bin includes its upper edge.
    static func counts(_ values: [Double], edges: [Double]) -> [Int] {
        var counts = [Int](repeating: 0, count: edges.count - 1)
        let (low, high) = (edges.first!, edges.last!)
        for value in values where value >= low && value <= high {
            var bin = Int((value - low) / (high - low) * Double(counts.count))
            bin = min(max(bin, 0), counts.count - 1)
            counts[bin] += 1
        }
        return counts
    }

    /// Linear-interpolation quantile of a sorted sample (type 7, as NumPy's default).
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down)), upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
    }
}
