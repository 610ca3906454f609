/// The frame every Cartesian chart shares: title, axis titles, ticks with labels, light
/// gridlines. It measures its labels first and derives the margins from them, so no text is
/// clipped or overlaps whatever the values.
struct Axes {
    let title: String
    let xTitle: String
    let yTitle: String
    let x: AxisScale
    let y: AxisScale
    let theme: Theme

    private var titleFont: Canvas.Font { .init(size: theme.titleSize, bold: true) }
    private var axisTitleFont: Canvas.Font { .init(size: theme.axisTitleSize) }
    private var tickFont: Canvas.Font { .init(size: theme.tickLabelSize) }

    /// Where the data goes inside `frame` (the whole canvas by default), keeping `reservedRight`
    /// points free on the right (e.g. for a legend placed outside).
    func plotArea(on canvas: Canvas, in frame: Rect? = nil, reservedRight: Double = 0) -> Rect {
        let frame = frame ?? Rect(x: 0, y: 0, width: canvas.size.width, height: canvas.size.height)
        let yLabelWidth = y.ticks.map { canvas.measure($0.label, font: tickFont).width }.max() ?? 0
        let tickHeight = canvas.measure("0", font: tickFont).height
        let lastXLabelHalf = x.isCategorical ? 0 : canvas.measure(x.ticks.last?.label ?? "", font: tickFont).width / 2
        let titleHeight = title.isEmpty ? 0 : canvas.measure(title, font: titleFont).height + theme.gap * 1.5
        let axisTitleHeight = canvas.measure("Xg", font: axisTitleFont).height
        let left = theme.padding + (yTitle.isEmpty ? 0 : axisTitleHeight + theme.gap) + yLabelWidth + theme.gap + theme.tickLength
        let bottom = theme.padding + (xTitle.isEmpty ? 0 : axisTitleHeight + theme.gap) + tickHeight + theme.gap / 2 + theme.tickLength
        let top = theme.padding + titleHeight + tickHeight / 2
        let right = theme.padding + max(lastXLabelHalf, reservedRight)
        return Rect(x: frame.x + left, y: frame.y + top, width: frame.width - left - right, height: frame.height - top - bottom)
    }

    func xPosition(_ value: Double, in area: Rect) -> Double { x.position(value, from: area.minX, to: area.maxX) }
    func yPosition(_ value: Double, in area: Rect) -> Double { y.position(value, from: area.maxY, to: area.minY) }

    /// Draws gridlines, axis lines, ticks, tick labels and titles around `area`; the titles
    /// are placed within `frame` (the whole canvas by default).
    func draw(on canvas: Canvas, area: Rect, frame: Rect? = nil, showXLabels: Bool = true) {
        let frame = frame ?? Rect(x: 0, y: 0, width: canvas.size.width, height: canvas.size.height)
        for tick in y.ticks {
            let py = yPosition(tick.value, in: area)
            canvas.strokeLine([Point(x: area.minX, y: py), Point(x: area.maxX, y: py)], color: theme.grid, width: theme.gridWidth)
            canvas.strokeLine([Point(x: area.minX - theme.tickLength, y: py), Point(x: area.minX, y: py)],
                              color: theme.axis, width: theme.axisWidth)
            canvas.drawText(tick.label, at: Point(x: area.minX - theme.tickLength - theme.gap / 2, y: py),
                            font: tickFont, color: theme.mutedText, horizontal: .trailing, vertical: .middle)
        }
        for tick in x.ticks {
            let px = xPosition(tick.value, in: area)
            if !x.isCategorical {
                canvas.strokeLine([Point(x: px, y: area.minY), Point(x: px, y: area.maxY)], color: theme.grid, width: theme.gridWidth)
            }
            canvas.strokeLine([Point(x: px, y: area.maxY), Point(x: px, y: area.maxY + theme.tickLength)],
                              color: theme.axis, width: theme.axisWidth)
            if showXLabels {
                canvas.drawText(tick.label, at: Point(x: px, y: area.maxY + theme.tickLength + theme.gap / 2),
                                font: tickFont, color: theme.mutedText, horizontal: .center, vertical: .top)
            }
        }
        canvas.strokeLine([Point(x: area.minX, y: area.minY), Point(x: area.minX, y: area.maxY),
                           Point(x: area.maxX, y: area.maxY)], color: theme.axis, width: theme.axisWidth)
        if !title.isEmpty {
            canvas.drawText(title, at: Point(x: frame.minX + theme.padding, y: frame.minY + theme.padding), font: titleFont,
                            color: theme.text, horizontal: .leading, vertical: .top)
        }
        if !xTitle.isEmpty {
            canvas.drawText(xTitle, at: Point(x: area.minX + area.width / 2, y: frame.maxY - theme.padding),
                            font: axisTitleFont, color: theme.text, horizontal: .center, vertical: .bottom)
        }
        if !yTitle.isEmpty {
            canvas.drawText(yTitle, at: Point(x: frame.minX + theme.padding, y: area.minY + area.height / 2),
                            font: axisTitleFont, color: theme.text, horizontal: .center, vertical: .top, rotated: true)
        }
    }
}
