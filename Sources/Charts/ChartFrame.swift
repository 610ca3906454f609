/// The steps every chart shares: a canvas, the axes' plot area, and the legend's place —
/// inside the plot area when a corner is free of data, else outside on the right with the
/// plot area narrowed to make room.
struct ChartFrame {
    let canvas: Canvas
    let axes: Axes
    let area: Rect
    let legendPlacement: Rect?

    /// - Parameter dataPoints: the data's positions in a given plot area (what the legend must not hide).
    init(size: Size, theme: Theme, axes: Axes, legend: Legend?, dataPoints: (Rect) -> [Point]) throws {
        canvas = try Canvas(size: size, theme: theme)
        self.axes = axes
        var area = axes.plotArea(on: canvas)
        var placement: Rect?
        if let legend {
            placement = legend.insidePlacement(on: canvas, in: area, avoiding: dataPoints(area))
            if placement == nil {
                area = axes.plotArea(on: canvas, reservedRight: legend.outsideWidth(on: canvas))
                placement = legend.outsidePlacement(on: canvas, beside: area)
            }
        }
        guard area.width > 20, area.height > 20 else { throw ChartError.invalidSize(width: size.width, height: size.height) }
        self.area = area
        legendPlacement = placement
    }

    func x(_ value: Double) -> Double { axes.xPosition(value, in: area) }
    func y(_ value: Double) -> Double { axes.yPosition(value, in: area) }
}
