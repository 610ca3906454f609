/// Input a chart cannot be drawn from. Thrown instead of drawing an empty or wrong image.
public enum ChartError: Error, Equatable, CustomStringConvertible {
    case noData(chart: String)
    case mismatchedLengths(series: String, detail: String)
    case noFiniteValues(series: String)
    case infiniteValue(series: String)
    case invalidSize(width: Double, height: Double)
    case nonPositiveOnLogScale(series: String)
    case cairo(String)

    public var description: String {
        switch self {
        case .noData(let chart): "the \(chart) has no data to draw"
        case let .mismatchedLengths(series, detail): "series '\(series)': \(detail)"
        case .noFiniteValues(let series): "series '\(series)' has no finite values"
        case .infiniteValue(let series): "series '\(series)' contains an infinite value"
        case let .invalidSize(width, height): "a chart of \(width)×\(height) points cannot be drawn"
        case .nonPositiveOnLogScale(let series): "series '\(series)' has values ≤ 0, which a log scale cannot show"
        case .cairo(let message): "Cairo failed: \(message)"
        }
    }
}
