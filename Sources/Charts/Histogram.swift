/// One sample to histogram, e.g. the teacher's max probability over the test set at one T.
public struct HistogramSeries: Sendable {
    public var name: String
    public var values: [Double]

    public init(name: String, values: [Double]) {
        self.name = name
        self.values = values
    }
}

/// Distributions of one quantity for several series, binned on shared edges, drawn either as
/// small multiples (one panel per series, stacked, sharing both axes) or overlaid with
/// transparency. Bars show the share of each series' values in the bin, so series of different
/// sizes compare.
public struct Histogram: Sendable {
    public enum Layout: Sendable { case smallMultiples, overlaid }

    public var title: String
    public var xTitle: String
    public var series: [HistogramSeries]
    public var binning: Binning
    public var layout: Layout
    public var size: Size
    public var theme: Theme

    public init(title: String = "", xTitle: String = "", series: [HistogramSeries], binning: Binning = .freedmanDiaconis,
                layout: Layout = .smallMultiples, size: Size = Size(width: 800, height: 500), theme: Theme = .standard) {
        self.title = title
        self.xTitle = xTitle
        self.series = series
        self.binning = binning
        self.layout = layout
        self.size = size
        self.theme = theme
    }

    public func renderPNG() throws -> [UInt8] {
        guard !series.isEmpty else { throw ChartError.noData(chart: "histogram") }
        for s in series {
            guard !s.values.contains(where: \.isInfinite) else { throw ChartError.infiniteValue(series: s.name) }
            guard s.values.contains(where: \.isFinite) else { throw ChartError.noFiniteValues(series: s.name) }
        }
        let samples = series.map { $0.values.filter(\.isFinite) }
        let edges = binning.edges(for: samples.flatMap { $0 })
        let shares = samples.map { sample in Binning.counts(sample, edges: edges).map { Double($0) / Double(sample.count) } }
        let x = AxisScale.linear(covering: [edges.first!, edges.last!])
        let y = AxisScale.linear(NiceTicks(minimum: 0, maximum: shares.flatMap { $0 }.max()!, targetCount: 4))
        switch layout {
        case .overlaid:
            let axes = Axes(title: title, xTitle: xTitle, yTitle: "Share of examples", x: x, y: y, theme: theme)
            let legend = Legend.forSeries(series.map(\.name), theme: theme) { _ in .box }
            let frame = try ChartFrame(size: size, theme: theme, axes: axes, legend: legend) { area in
                shares.flatMap { bins in bins.enumerated().map { Point(x: axes.xPosition((edges[$0] + edges[$0 + 1]) / 2, in: area),
                                                                        y: axes.yPosition($1, in: area)) } }
            }
            axes.draw(on: frame.canvas, area: frame.area)
            for (index, bins) in shares.enumerated() {
                drawBars(bins, edges: edges, on: frame.canvas, axes: axes, area: frame.area,
                         color: theme.color(forSeries: index).withAlpha(0.45))
            }
            if let legend, let placement = frame.legendPlacement { legend.draw(on: frame.canvas, at: placement) }
            return try frame.canvas.pngData()
        case .smallMultiples:
            let canvas = try Canvas(size: size, theme: theme)
            let titleHeight = title.isEmpty ? 0 : canvas.measure(title, font: .init(size: theme.titleSize, bold: true)).height + theme.gap
            if !title.isEmpty {
                canvas.drawText(title, at: Point(x: theme.padding, y: theme.padding), font: .init(size: theme.titleSize, bold: true),
                                color: theme.text, horizontal: .leading, vertical: .top)
            }
            let xTitleHeight = canvas.measure("Xg", font: .init(size: theme.axisTitleSize)).height + theme.gap
            let available = size.height - titleHeight - xTitleHeight
            let panelHeight = available / Double(series.count)
            guard panelHeight >= 60 else { throw ChartError.invalidSize(width: size.width, height: size.height) }
            for (index, bins) in shares.enumerated() {
                let isLast = index == series.count - 1
                let panel = Rect(x: 0, y: titleHeight + Double(index) * panelHeight, width: size.width,
                                 height: panelHeight + (isLast ? xTitleHeight : 0))
                let axes = Axes(title: "", xTitle: isLast ? xTitle : "", yTitle: "Share", x: x, y: y, theme: theme)
                var area = axes.plotArea(on: canvas, in: panel)
                if !isLast { area.height += canvas.measure("0", font: .init(size: theme.tickLabelSize)).height }  // labels only below the last panel
                axes.draw(on: canvas, area: area, frame: panel, showXLabels: isLast)
                drawBars(bins, edges: edges, on: canvas, axes: axes, area: area, color: theme.color(forSeries: index).withAlpha(0.85))
                // The panel's name goes in the top corner over the lower bars.
                let quarter = max(1, bins.count / 4)
                let leftIsLower = (bins.prefix(quarter).max() ?? 0) <= (bins.suffix(quarter).max() ?? 0)
                let font = Canvas.Font(size: theme.legendSize, bold: true)
                let corner = Point(x: leftIsLower ? area.minX + theme.gap : area.maxX - theme.gap, y: area.minY + theme.gap / 2)
                let label = canvas.measure(series[index].name, font: font)
                canvas.fill(Rect(x: leftIsLower ? corner.x - 3 : corner.x - label.width - 3, y: corner.y - 2,
                                 width: label.width + 6, height: label.height + 4), color: theme.background.withAlpha(0.85))
                canvas.drawText(series[index].name, at: corner, font: font, color: theme.text,
                                horizontal: leftIsLower ? .leading : .trailing, vertical: .top)
            }
            return try canvas.pngData()
        }
    }

    private func drawBars(_ shares: [Double], edges: [Double], on canvas: Canvas, axes: Axes, area: Rect, color: Color) {
        canvas.clipped(to: area) {
            for (bin, share) in shares.enumerated() where share > 0 {
                let left = axes.xPosition(edges[bin], in: area), right = axes.xPosition(edges[bin + 1], in: area)
                let top = axes.yPosition(share, in: area), bottom = axes.yPosition(0, in: area)
                canvas.fill(Rect(x: left + 0.5, y: top, width: max(right - left - 1, 0.5), height: bottom - top), color: color)
            }
        }
    }
}
