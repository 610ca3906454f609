/// Estimates with intervals: a point at each centre, a whisker from lower to upper
/// (e.g. mean accuracy with its 95% CI at each temperature of a sweep).
public struct PointRangeSeries: Sendable {
    public var name: String
    /// Positions on a numeric x axis, or category indices (0, 1, …) on a categorical one.
    public var x: [Double]
    public var center: [Double]
    public var lower: [Double]
    public var upper: [Double]

    public init(name: String, x: [Double], center: [Double], lower: [Double], upper: [Double]) {
        self.name = name
        self.x = x
        self.center = center
        self.lower = lower
        self.upper = upper
    }
}

/// A level drawn across a whole chart for comparison (a baseline's mean and 95% interval): a
/// shaded band with a dashed line at its centre.
public struct ReferenceBand: Sendable {
    public var name: String
    public var center: Double
    public var lower: Double
    public var upper: Double

    public init(name: String, center: Double, lower: Double, upper: Double) {
        self.name = name
        self.center = center
        self.lower = lower
        self.upper = upper
    }
}

/// A point-range (error-bar) chart over a numeric or categorical x axis. Several series are
/// told apart by colour and marker shape, dodged side by side on a categorical axis and joined
/// by a thin line on a numeric one; an optional reference band lies behind them.
public struct PointRangeChart: Sendable {
    public var title: String
    public var xTitle: String
    public var yTitle: String
    /// Category names for a categorical x axis; nil for a numeric one.
    public var categories: [String]?
    public var series: [PointRangeSeries]
    public var reference: ReferenceBand?
    public var size: Size
    public var theme: Theme

    public init(title: String = "", xTitle: String = "", yTitle: String = "", categories: [String]? = nil,
                series: [PointRangeSeries], reference: ReferenceBand? = nil, size: Size = Size(width: 800, height: 500),
                theme: Theme = .standard) {
        self.title = title
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.categories = categories
        self.series = series
        self.reference = reference
        self.size = size
        self.theme = theme
    }

    public func renderPNG() throws -> [UInt8] {
        guard !series.isEmpty else { throw ChartError.noData(chart: "point-range chart") }
        for s in series {
            guard [s.center.count, s.lower.count, s.upper.count].allSatisfy({ $0 == s.x.count }), !s.x.isEmpty else {
                throw ChartError.mismatchedLengths(series: s.name, detail: "x, center, lower and upper need one value per point")
            }
            guard !(s.x + s.center + s.lower + s.upper).contains(where: \.isInfinite) else { throw ChartError.infiniteValue(series: s.name) }
            guard s.center.contains(where: \.isFinite) else { throw ChartError.noFiniteValues(series: s.name) }
            if let categories, s.x.contains(where: { $0 < 0 || Int($0) >= categories.count || $0 != $0.rounded() }) {
                throw ChartError.mismatchedLengths(series: s.name, detail: "x must be category indices 0..<\(categories.count)")
            }
        }
        if let reference, ![reference.center, reference.lower, reference.upper].allSatisfy(\.isFinite) {
            throw ChartError.infiniteValue(series: reference.name)
        }
        let referenceValues = reference.map { [$0.lower, $0.upper] } ?? []
        let ys = (series.flatMap { $0.center + $0.lower + $0.upper } + referenceValues).filter(\.isFinite)
        let xScale: AxisScale = categories.map { .categorical($0) } ?? .linear(covering: series.flatMap(\.x).filter(\.isFinite))
        // 4% headroom each side, so whisker caps at the extremes are not cut by the frame.
        let pad = max((ys.max()! - ys.min()!) * 0.04, abs(ys.max()!) * 1e-9)
        let axes = Axes(title: title, xTitle: xTitle, yTitle: yTitle, x: xScale,
                        y: .linear(NiceTicks(minimum: ys.min()! - pad, maximum: ys.max()! + pad)), theme: theme)
        let names = series.map(\.name) + (reference.map { [$0.name] } ?? [])
        let legend = Legend.forSeries(names, theme: theme) { $0 < series.count ? .marker(theme.marker(forSeries: $0)) : .box }
        let frame = try ChartFrame(size: size, theme: theme, axes: axes, legend: legend) { area in
            series.indices.flatMap { index in points(index, in: area, axes: axes).flatMap { [$0.center, $0.low, $0.high] } }
        }
        let canvas = frame.canvas
        axes.draw(on: canvas, area: frame.area)
        canvas.clipped(to: frame.area) {
            if let reference {
                let color = theme.color(forSeries: series.count)
                let (top, bottom) = (axes.yPosition(reference.upper, in: frame.area), axes.yPosition(reference.lower, in: frame.area))
                let (left, right) = (frame.area.minX, frame.area.maxX)
                canvas.fillPolygon([Point(x: left, y: top), Point(x: right, y: top), Point(x: right, y: bottom), Point(x: left, y: bottom)],
                                   color: color.withAlpha(theme.bandOpacity))
                let middle = axes.yPosition(reference.center, in: frame.area)
                canvas.strokeLine([Point(x: left, y: middle), Point(x: right, y: middle)], color: color, width: theme.lineWidth * 0.8,
                                  dash: [6, 4])
            }
            for index in series.indices {
                let color = theme.color(forSeries: index)
                let placed = points(index, in: frame.area, axes: axes)
                if categories == nil, placed.count >= 2 {
                    canvas.strokeLine(placed.map(\.center), color: color.withAlpha(0.5), width: theme.axisWidth * 1.5)
                }
                for point in placed {
                    canvas.strokeLine([point.low, point.high], color: color, width: theme.lineWidth * 0.8)
                    for end in [point.low, point.high] {
                        canvas.strokeLine([Point(x: end.x - 5, y: end.y), Point(x: end.x + 5, y: end.y)], color: color,
                                          width: theme.lineWidth * 0.8)
                    }
                    canvas.drawMarker(theme.marker(forSeries: index), at: point.center, size: theme.markerSize,
                                      color: color, background: theme.background)
                }
            }
        }
        if let legend, let placement = frame.legendPlacement { legend.draw(on: canvas, at: placement) }
        return try canvas.pngData()
    }

    /// Canvas positions of series `index`'s finite points; on a categorical axis, series sit
    /// side by side around the category's centre, 15% of its width apart (at most 40% in all).
    private func points(_ index: Int, in area: Rect, axes: Axes) -> [(center: Point, low: Point, high: Point)] {
        let s = series[index]
        let dodge: Double
        if categories != nil, series.count > 1 {
            let spread = axes.x.bandWidth(from: area.minX, to: area.maxX) * min(0.4, 0.15 * Double(series.count - 1))
            dodge = -spread / 2 + spread * Double(index) / Double(series.count - 1)
        } else {
            dodge = 0
        }
        return s.x.indices.filter { s.x[$0].isFinite && s.center[$0].isFinite }.map { i in
            let px = axes.xPosition(s.x[i], in: area) + dodge
            let low = s.lower[i].isFinite ? s.lower[i] : s.center[i], high = s.upper[i].isFinite ? s.upper[i] : s.center[i]
            return (Point(x: px, y: axes.yPosition(s.center[i], in: area)), Point(x: px, y: axes.yPosition(low, in: area)),
                    Point(x: px, y: axes.yPosition(high, in: area)))
        }
    }
}
