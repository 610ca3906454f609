/// One named line of a line chart. NaN values in `y` leave a gap in the line.
public struct LineSeries: Sendable {
    public var name: String
    public var x: [Double]
    public var y: [Double]
    /// An optional shaded band around the line (e.g. mean ± 95% CI over seeds).
    public var band: (lower: [Double], upper: [Double])?

    public init(name: String, x: [Double], y: [Double], band: (lower: [Double], upper: [Double])? = nil) {
        self.name = name
        self.x = x
        self.y = y
        self.band = band
    }
}

/// Several named series against a shared numeric x axis (loss curves over epochs), each with an
/// optional band; colour and dash pattern tell the series apart.
public struct LineChart: Sendable {
    public var title: String
    public var xTitle: String
    public var yTitle: String
    public var series: [LineSeries]
    /// A logarithmic y axis (every y and band value must then be positive).
    public var logarithmicY: Bool
    public var size: Size
    public var theme: Theme

    public init(title: String = "", xTitle: String = "", yTitle: String = "", series: [LineSeries],
                logarithmicY: Bool = false, size: Size = Size(width: 800, height: 500), theme: Theme = .standard) {
        self.title = title
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.series = series
        self.logarithmicY = logarithmicY
        self.size = size
        self.theme = theme
    }

    /// Draws the chart and returns PNG bytes (2× device scale).
    public func renderPNG() throws -> [UInt8] {
        try validate()
        let (xs, ys) = finiteValues()
        let yScale: AxisScale = logarithmicY ? .logarithmic(LogTicks(minimum: ys.min()!, maximum: ys.max()!)) : .linear(covering: ys)
        let axes = Axes(title: title, xTitle: xTitle, yTitle: yTitle, x: .linear(covering: xs), y: yScale, theme: theme)
        let legend = Legend.forSeries(series.map(\.name), theme: theme) { .line(dash: theme.dash(forSeries: $0)) }
        let frame = try ChartFrame(size: size, theme: theme, axes: axes, legend: legend) { area in
            series.flatMap { s in
                zip(s.x, s.y).filter { $0.0.isFinite && $0.1.isFinite }
                    .map { Point(x: axes.xPosition($0.0, in: area), y: axes.yPosition($0.1, in: area)) }
            }
        }
        let canvas = frame.canvas
        axes.draw(on: canvas, area: frame.area)
        canvas.clipped(to: frame.area) {
            for (index, series) in series.enumerated() {
                let color = theme.color(forSeries: index)
                if let band = series.band {
                    for run in finiteRuns(series.x, band.lower, band.upper) {
                        let upper = run.map { Point(x: frame.x($0.x), y: frame.y($0.b)) }
                        let lower = run.reversed().map { Point(x: frame.x($0.x), y: frame.y($0.a)) }
                        canvas.fillPolygon(upper + lower, color: color.withAlpha(theme.bandOpacity))
                    }
                }
                for run in finiteRuns(series.x, series.y, series.y) {
                    canvas.strokeLine(run.map { Point(x: frame.x($0.x), y: frame.y($0.a)) }, color: color,
                                      width: theme.lineWidth, dash: theme.dash(forSeries: index))
                }
            }
        }
        if let legend, let placement = frame.legendPlacement { legend.draw(on: canvas, at: placement) }
        return try canvas.pngData()
    }

    private func validate() throws {
        guard !series.isEmpty else { throw ChartError.noData(chart: "line chart") }
        for s in series {
            guard !s.x.isEmpty else { throw ChartError.noFiniteValues(series: s.name) }
            guard s.x.count == s.y.count else {
                throw ChartError.mismatchedLengths(series: s.name, detail: "\(s.x.count) x values but \(s.y.count) y values")
            }
            if let band = s.band, band.lower.count != s.x.count || band.upper.count != s.x.count {
                throw ChartError.mismatchedLengths(series: s.name, detail: "the band needs one lower and one upper value per point")
            }
            let bandValues = (s.band?.lower ?? []) + (s.band?.upper ?? [])
            guard (s.x + s.y + bandValues).allSatisfy({ !$0.isInfinite }) else { throw ChartError.infiniteValue(series: s.name) }
            guard zip(s.x, s.y).contains(where: { $0.isFinite && $1.isFinite }) else { throw ChartError.noFiniteValues(series: s.name) }
            if logarithmicY, (s.y + bandValues).contains(where: { $0.isFinite && $0 <= 0 }) {
                throw ChartError.nonPositiveOnLogScale(series: s.name)
            }
        }
    }

    /// All finite x values that have a y, and all finite y and band values.
    private func finiteValues() -> ([Double], [Double]) {
        var xs = [Double]()
        var ys = [Double]()
        for s in series {
            for (i, xValue) in s.x.enumerated() where xValue.isFinite {
                let candidates = [s.y[i], s.band?.lower[i] ?? .nan, s.band?.upper[i] ?? .nan].filter(\.isFinite)
                if !candidates.isEmpty { xs.append(xValue) }
                ys += candidates
            }
        }
        return (xs, ys)
    }
}

/// Splits parallel arrays into runs of consecutive points where all three values are finite
/// (a NaN ends a run: the line has a gap there).
private func finiteRuns(_ x: [Double], _ a: [Double], _ b: [Double]) -> [[(x: Double, a: Double, b: Double)]] {
    var runs: [[(x: Double, a: Double, b: Double)]] = []
    var current: [(x: Double, a: Double, b: Double)] = []
    for i in x.indices {
        if x[i].isFinite && a[i].isFinite && b[i].isFinite {
            current.append((x[i], a[i], b[i]))
        } else if !current.isEmpty {
            runs.append(current)
            current = []
        }
    }
    if !current.isEmpty { runs.append(current) }
    return runs
}
