/// The frame every Cartesian chart shares: title, axis titles, nice ticks with labels, light
/// gridlines. It measures its labels first and derives the margins from them, so no text is
/// clipped or overlaps whatever the values.
struct Axes {
    let title: String
    let xTitle: String
    let yTitle: String
    let xTicks: NiceTicks
    let yTicks: NiceTicks
    let theme: Theme

    private var titleFont: Canvas.Font { .init(size: theme.titleSize, bold: true) }
    private var axisTitleFont: Canvas.Font { .init(size: theme.axisTitleSize) }
    private var tickFont: Canvas.Font { .init(size: theme.tickLabelSize) }

    /// Where the data goes, given the space on the canvas and room to keep on the right
    /// (e.g. for a legend placed outside).
    func plotArea(on canvas: Canvas, reservedRight: Double = 0) -> Rect {
        let xFormat = TickFormatter(ticks: xTicks)
        let yFormat = TickFormatter(ticks: yTicks)
        let yLabelWidth = yTicks.values.map { canvas.measure(yFormat.string($0), font: tickFont).width }.max() ?? 0
        let tickHeight = canvas.measure("0", font: tickFont).height
        let lastXLabelHalf = canvas.measure(xFormat.string(xTicks.upper), font: tickFont).width / 2
        let titleHeight = title.isEmpty ? 0 : canvas.measure(title, font: titleFont).height + theme.gap * 1.5
        let axisTitleHeight = canvas.measure("Xg", font: axisTitleFont).height
        let left = theme.padding + (yTitle.isEmpty ? 0 : axisTitleHeight + theme.gap) + yLabelWidth + theme.gap + theme.tickLength
        let bottom = theme.padding + (xTitle.isEmpty ? 0 : axisTitleHeight + theme.gap) + tickHeight + theme.gap / 2 + theme.tickLength
        let top = theme.padding + titleHeight + tickHeight / 2
        let right = theme.padding + max(lastXLabelHalf, reservedRight)
        return Rect(x: left, y: top, width: canvas.size.width - left - right, height: canvas.size.height - top - bottom)
    }

    func xScale(_ area: Rect) -> LinearScale { LinearScale(domain: xTicks.lower...xTicks.upper, range: (area.minX, area.maxX)) }
    func yScale(_ area: Rect) -> LinearScale { LinearScale(domain: yTicks.lower...yTicks.upper, range: (area.maxY, area.minY)) }

    /// Draws gridlines, axis lines, ticks, tick labels and titles around `area`.
    func draw(on canvas: Canvas, area: Rect) {
        let x = xScale(area)
        let y = yScale(area)
        let xFormat = TickFormatter(ticks: xTicks)
        let yFormat = TickFormatter(ticks: yTicks)
        for value in yTicks.values {
            let py = y(value)
            canvas.strokeLine([Point(x: area.minX, y: py), Point(x: area.maxX, y: py)], color: theme.grid, width: theme.gridWidth)
            canvas.strokeLine([Point(x: area.minX - theme.tickLength, y: py), Point(x: area.minX, y: py)],
                              color: theme.axis, width: theme.axisWidth)
            canvas.drawText(yFormat.string(value), at: Point(x: area.minX - theme.tickLength - theme.gap / 2, y: py),
                            font: tickFont, color: theme.mutedText, horizontal: .trailing, vertical: .middle)
        }
        for value in xTicks.values {
            let px = x(value)
            canvas.strokeLine([Point(x: px, y: area.minY), Point(x: px, y: area.maxY)], color: theme.grid, width: theme.gridWidth)
            canvas.strokeLine([Point(x: px, y: area.maxY), Point(x: px, y: area.maxY + theme.tickLength)],
                              color: theme.axis, width: theme.axisWidth)
            canvas.drawText(xFormat.string(value), at: Point(x: px, y: area.maxY + theme.tickLength + theme.gap / 2),
                            font: tickFont, color: theme.mutedText, horizontal: .center, vertical: .top)
        }
        canvas.strokeLine([Point(x: area.minX, y: area.minY), Point(x: area.minX, y: area.maxY),
                           Point(x: area.maxX, y: area.maxY)], color: theme.axis, width: theme.axisWidth)
        if !title.isEmpty {
            canvas.drawText(title, at: Point(x: theme.padding, y: theme.padding), font: titleFont, color: theme.text,
                            horizontal: .leading, vertical: .top)
        }
        if !xTitle.isEmpty {
            canvas.drawText(xTitle, at: Point(x: area.minX + area.width / 2, y: canvas.size.height - theme.padding),
                            font: axisTitleFont, color: theme.text, horizontal: .center, vertical: .bottom)
        }
        if !yTitle.isEmpty {
            canvas.drawText(yTitle, at: Point(x: theme.padding, y: area.minY + area.height / 2),
                            font: axisTitleFont, color: theme.text, horizontal: .center, vertical: .top, rotated: true)
        }
    }
}
