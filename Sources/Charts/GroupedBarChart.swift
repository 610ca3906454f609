import Foundation

/// One bar per group: e.g. one temperature's probabilities over the classes.
public struct BarSeries: Sendable {
    public var name: String
    public var values: [Double]

    /// One finite-or-NaN value per group, or the chart error saying what is wrong.
    func check(groups: Int) throws {
        guard values.count == groups else { throw ChartError.mismatchedLengths(series: name, detail: "\(values.count) values for \(groups) groups") }
        guard !values.contains(where: \.isInfinite) else { throw ChartError.infiniteValue(series: name) }
    }

    public init(name: String, values: [Double]) {
        self.name = name
        self.values = values
    }
}

/// Bars side by side within named groups (soft targets: one group per class, one bar per
/// temperature). Bars start at zero; the y axis covers zero and every value, or `yRange`.
public struct GroupedBarChart: Sendable {
    public var title: String
    public var xTitle: String
    public var yTitle: String
    public var groups: [String]
    public var series: [BarSeries]
    /// Write each bar's value above it.
    public var valueLabels: Bool
    /// Fixed y extent, e.g. 0...1 for probabilities; nil fits the data.
    public var yRange: ClosedRange<Double>?
    public var size: Size
    public var theme: Theme

    public init(title: String = "", xTitle: String = "", yTitle: String = "", groups: [String], series: [BarSeries],
                valueLabels: Bool = false, yRange: ClosedRange<Double>? = nil,
                size: Size = Size(width: 800, height: 500), theme: Theme = .standard) {
        self.title = title
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.groups = groups
        self.series = series
        self.valueLabels = valueLabels
        self.yRange = yRange
        self.size = size
        self.theme = theme
    }

    public func renderPNG() throws -> [UInt8] {
        guard !groups.isEmpty, !series.isEmpty else { throw ChartError.noData(chart: "grouped bar chart") }
        for s in series { try s.check(groups: groups.count) }
        let values = series.flatMap(\.values).filter(\.isFinite)
        guard !values.isEmpty else { throw ChartError.noFiniteValues(series: series[0].name) }
        let range = yRange ?? min(0, values.min()!)...max(0, values.max()!)
        let axes = Axes(title: title, xTitle: xTitle, yTitle: yTitle, x: .categorical(groups),
                        y: .linear(NiceTicks(minimum: range.lowerBound, maximum: range.upperBound)), theme: theme)
        let legend = Legend.forSeries(series.map(\.name), theme: theme) { _ in .box }
        let frame = try ChartFrame(size: size, theme: theme, axes: axes, legend: legend) { area in
            bars(in: area, axes: axes).flatMap { bar in
                stride(from: bar.rect.minY, through: bar.rect.maxY, by: 8).map { Point(x: bar.rect.minX + bar.rect.width / 2, y: $0) }
            }
        }
        let canvas = frame.canvas
        axes.draw(on: canvas, area: frame.area)
        let labelFont = Canvas.Font(size: theme.tickLabelSize * 0.85)
        let placed = bars(in: frame.area, axes: axes)
        canvas.clipped(to: frame.area) {
            for bar in placed {
                canvas.fill(bar.rect, color: theme.color(forSeries: bar.series))
            }
        }
        let zero = frame.y(0)
        canvas.strokeLine([Point(x: frame.area.minX, y: zero), Point(x: frame.area.maxX, y: zero)], color: theme.axis, width: theme.axisWidth)
        if valueLabels {
            for bar in placed {
                let above = bar.value >= 0
                canvas.drawText(Self.label(bar.value), at: Point(x: bar.rect.minX + bar.rect.width / 2,
                                                                 y: above ? bar.rect.minY - 3 : bar.rect.maxY + 3),
                                font: labelFont, color: theme.mutedText, horizontal: .center, vertical: above ? .bottom : .top)
            }
        }
        if let legend, let placement = frame.legendPlacement { legend.draw(on: canvas, at: placement) }
        return try canvas.pngData()
    }

    struct Bar {
        let series: Int
        let value: Double
        let rect: Rect
    }

    /// Every finite bar's rectangle in the plot area.
    func bars(in area: Rect, axes: Axes) -> [Bar] {
        Self.bars(of: series, groups: groups, in: area, axes: axes, theme: theme)
    }

    static func bars(of series: [BarSeries], groups: [String], in area: Rect, axes: Axes, theme: Theme) -> [Bar] {
        let band = axes.x.bandWidth(from: area.minX, to: area.maxX)
        let barWidth = band * theme.barGroupFill / Double(series.count)
        let zero = axes.yPosition(0, in: area)
        var bars = [Bar]()
        for (group, _) in groups.enumerated() {
            let start = axes.xPosition(Double(group), in: area) - band * theme.barGroupFill / 2
            for (index, s) in series.enumerated() where s.values[group].isFinite {
                let top = axes.yPosition(s.values[group], in: area)
                bars.append(Bar(series: index, value: s.values[group],
                                rect: Rect(x: start + Double(index) * barWidth + 0.5, y: min(top, zero),
                                           width: barWidth - 1, height: abs(zero - top))))
            }
        }
        return bars
    }

    /// Two decimals for probabilities, four significant digits otherwise, no float noise.
    static func label(_ value: Double) -> String {
        abs(value) <= 1 ? String(format: "%.2f", value) : String(format: "%.4g", value)
    }
}
