import Foundation

/// How one axis maps data to position and which ticks it shows.
enum AxisScale {
    case linear(NiceTicks)
    case logarithmic(LogTicks)
    /// Named categories, evenly spaced; value i is the centre of category i.
    case categorical([String])

    /// A linear axis covering the values (nice ticks enclose them).
    static func linear(covering values: [Double]) -> AxisScale {
        .linear(NiceTicks(minimum: values.min()!, maximum: values.max()!))
    }

    /// Where `value` lands between `start` and `end` (canvas coordinates; may be reversed).
    func position(_ value: Double, from start: Double, to end: Double) -> Double {
        let t: Double
        switch self {
        case .linear(let ticks):
            t = ticks.upper == ticks.lower ? 0.5 : (value - ticks.lower) / (ticks.upper - ticks.lower)
        case .logarithmic(let ticks):
            t = (log10(value) - log10(ticks.lower)) / (log10(ticks.upper) - log10(ticks.lower))
        case .categorical(let names):
            t = (value + 0.5) / Double(max(names.count, 1))
        }
        return start + t * (end - start)
    }

    /// Width of one category in canvas units (categorical axes only).
    func bandWidth(from start: Double, to end: Double) -> Double {
        guard case .categorical(let names) = self else { return 0 }
        return abs(end - start) / Double(max(names.count, 1))
    }

    /// Tick positions in data units and their labels.
    var ticks: [(value: Double, label: String)] {
        switch self {
        case .linear(let ticks):
            let format = TickFormatter(ticks: ticks)
            return ticks.values.map { ($0, format.string($0)) }
        case .logarithmic(let ticks):
            // Plain decimals while every tick is between 0.01 and 10⁴, else powers of ten for all.
            let plain = ticks.values.allSatisfy { $0 >= 0.01 && $0 <= 1e4 }
            return ticks.values.map { ($0, plain ? Self.decimalLabel($0) : Self.powerOfTenLabel($0)) }
        case .categorical(let names):
            return names.enumerated().map { (Double($0.offset), $0.element) }
        }
    }

    var isCategorical: Bool {
        if case .categorical = self { return true }
        return false
    }

    /// 0.01, 0.2, 5, 100: as many decimals as the value needs.
    static func decimalLabel(_ value: Double) -> String {
        let decimals = max(0, -Int(log10(value).rounded(.down)))
        return String(format: "%.\(decimals)f", value)
    }

    /// 10⁻⁴, 10³, or 2×10⁻³ for a 1-2-5 tick, with superscript digits as a typeset axis has.
    static func powerOfTenLabel(_ value: Double) -> String {
        let exponent = Int(log10(value).rounded(.down))
        let mantissa = Int((value / pow(10, Double(exponent))).rounded())
        let superscripts: [Character: Character] = ["-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴",
                                                    "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹"]
        let power = "10" + String(String(exponent).map { superscripts[$0]! })
        return mantissa == 1 ? power : "\(mantissa)×\(power)"
    }
}
