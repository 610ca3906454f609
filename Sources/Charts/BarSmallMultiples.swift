/// One panel of a small-multiples bar chart: its own title and bars.
public struct BarPanel: Sendable {
    public var title: String
    public var series: [BarSeries]

    public init(title: String, series: [BarSeries]) {
        self.title = title
        self.series = series
    }
}

/// Grouped bar charts stacked one above another on shared axes — one panel per example — so
/// that they can be compared at a glance; the series (e.g. temperatures) share one legend.
public struct BarSmallMultiples: Sendable {
    public var xTitle: String
    public var yTitle: String
    /// The categories on every panel's x axis.
    public var groups: [String]
    public var panels: [BarPanel]
    /// The y extent of every panel, e.g. 0...1 for probabilities.
    public var yRange: ClosedRange<Double>
    /// The whole image.
    public var size: Size
    public var theme: Theme

    public init(xTitle: String = "", yTitle: String = "", groups: [String], panels: [BarPanel], yRange: ClosedRange<Double>,
                size: Size, theme: Theme = .standard) {
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.groups = groups
        self.panels = panels
        self.yRange = yRange
        self.size = size
        self.theme = theme
    }

    public func renderPNG() throws -> [UInt8] {
        guard !groups.isEmpty, !panels.isEmpty, panels.allSatisfy({ !$0.series.isEmpty }) else {
            throw ChartError.noData(chart: "small-multiples bar chart")
        }
        for s in panels.flatMap(\.series) { try s.check(groups: groups.count) }
        let canvas = try Canvas(size: size, theme: theme)
        let legend = Legend.forSeries(panels[0].series.map(\.name), theme: theme) { _ in .box }
        let reserved = legend?.outsideWidth(on: canvas) ?? 0
        let titleFont = Canvas.Font(size: theme.legendSize, bold: true)
        let titleHeight = canvas.measure("Xg", font: titleFont).height + theme.gap / 2
        let xTitleHeight = canvas.measure("Xg", font: .init(size: theme.axisTitleSize)).height + theme.gap
        let panelHeight = (size.height - xTitleHeight) / Double(panels.count)
        guard panelHeight - titleHeight >= 80 else { throw ChartError.invalidSize(width: size.width, height: size.height) }
        var firstArea: Rect?
        for (index, panel) in panels.enumerated() {
            let isLast = index == panels.count - 1
            let frame = Rect(x: 0, y: Double(index) * panelHeight + titleHeight, width: size.width,
                             height: panelHeight - titleHeight + (isLast ? xTitleHeight : 0))
            let axes = Axes(title: "", xTitle: isLast ? xTitle : "", yTitle: yTitle, x: .categorical(groups),
                            y: .linear(NiceTicks(minimum: yRange.lowerBound, maximum: yRange.upperBound, targetCount: 4)), theme: theme)
            let area = axes.plotArea(on: canvas, in: frame, reservedRight: reserved)
            firstArea = firstArea ?? area
            canvas.drawText(panel.title, at: Point(x: area.minX, y: frame.minY - titleHeight + theme.gap / 4), font: titleFont,
                            color: theme.text, horizontal: .leading, vertical: .top)
            axes.draw(on: canvas, area: area, frame: frame)
            let placed = GroupedBarChart.bars(of: panel.series, groups: groups, in: area, axes: axes, theme: theme)
            canvas.clipped(to: area) {
                for bar in placed { canvas.fill(bar.rect, color: theme.color(forSeries: bar.series)) }
            }
        }
        if let legend, let area = firstArea { legend.draw(on: canvas, at: legend.outsidePlacement(on: canvas, beside: area)) }
        return try canvas.pngData()
    }
}
