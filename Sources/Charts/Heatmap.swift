import Foundation

/// A matrix of values as coloured cells with the value written in each (a confusion matrix:
/// rows are true classes from the top, columns predicted classes). The fill runs along a
/// sequential ramp from the smallest to the largest value; each cell's text is black or white,
/// whichever contrasts more with its fill.
public struct Heatmap: Sendable {
    public var title: String
    public var xTitle: String
    public var yTitle: String
    public var rowLabels: [String]
    public var columnLabels: [String]
    /// values[row][column]
    public var values: [[Double]]
    public var size: Size
    public var theme: Theme

    public init(title: String = "", xTitle: String = "", yTitle: String = "", rowLabels: [String], columnLabels: [String],
                values: [[Double]], size: Size = Size(width: 640, height: 560), theme: Theme = .standard) {
        self.title = title
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.values = values
        self.size = size
        self.theme = theme
    }

    public func renderPNG() throws -> [UInt8] {
        guard !rowLabels.isEmpty, !columnLabels.isEmpty else { throw ChartError.noData(chart: "heatmap") }
        guard values.count == rowLabels.count, values.allSatisfy({ $0.count == columnLabels.count }) else {
            throw ChartError.mismatchedLengths(series: "heatmap", detail: "values must be \(rowLabels.count) rows of \(columnLabels.count)")
        }
        let flat = values.flatMap { $0 }
        guard !flat.contains(where: \.isInfinite) else { throw ChartError.infiniteValue(series: "heatmap") }
        guard let low = flat.filter(\.isFinite).min(), let high = flat.filter(\.isFinite).max() else {
            throw ChartError.noFiniteValues(series: "heatmap")
        }
        // Row 0 at the top: the categorical y axis counts from the bottom, so list rows reversed.
        let axes = Axes(title: title, xTitle: xTitle, yTitle: yTitle, x: .categorical(columnLabels),
                        y: .categorical(rowLabels.reversed()), theme: theme)
        let frame = try ChartFrame(size: size, theme: theme, axes: axes, legend: nil) { _ in [] }
        let canvas = frame.canvas
        axes.draw(on: canvas, area: frame.area)
        let cellWidth = frame.area.width / Double(columnLabels.count), cellHeight = frame.area.height / Double(rowLabels.count)
        let font = Canvas.Font(size: min(theme.tickLabelSize * 1.1, cellHeight * 0.4, cellWidth * 0.3), bold: false)
        let isWhole = flat.allSatisfy { !$0.isFinite || $0 == $0.rounded() }
        for (row, rowValues) in values.enumerated() {
            for (column, value) in rowValues.enumerated() {
                let cell = Rect(x: frame.area.minX + Double(column) * cellWidth, y: frame.area.minY + Double(row) * cellHeight,
                                width: cellWidth, height: cellHeight)
                guard value.isFinite else { continue }
                let fill = ramp(high > low ? (value - low) / (high - low) : 0)
                canvas.fill(Rect(x: cell.x + 0.5, y: cell.y + 0.5, width: cell.width - 1, height: cell.height - 1), color: fill)
                let text = isWhole ? String(Int(value)) : String(format: "%.2f", value)
                canvas.drawText(text, at: Point(x: cell.x + cell.width / 2, y: cell.y + cell.height / 2), font: font,
                                color: Self.readableText(on: fill), horizontal: .center, vertical: .middle)
            }
        }
        return try canvas.pngData()
    }

    /// Linear interpolation along the theme's ramp, t in 0…1.
    private func ramp(_ t: Double) -> Color {
        let (a, b) = (theme.rampLow, theme.rampHigh)
        return Color(red: a.red + (b.red - a.red) * t, green: a.green + (b.green - a.green) * t, blue: a.blue + (b.blue - a.blue) * t)
    }

    /// Black or white text, whichever has the higher WCAG contrast ratio against `fill`.
    static func readableText(on fill: Color) -> Color {
        func channel(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        let luminance = 0.2126 * channel(fill.red) + 0.7152 * channel(fill.green) + 0.0722 * channel(fill.blue)
        let contrastWithBlack = (luminance + 0.05) / 0.05
        let contrastWithWhite = 1.05 / (luminance + 0.05)
        return contrastWithBlack >= contrastWithWhite ? Color(hex: 0x111111) : Color(hex: 0xFFFFFF)
    }
}
