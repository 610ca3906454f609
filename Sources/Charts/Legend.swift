/// A box of "sample + name" rows. It goes in the corner of the plot area that covers no data,
/// or, when every corner would hide some, outside the plot area on the right.
struct Legend {
    enum Sample {
        case line(dash: [Double])
        case box
        case marker(Marker)
    }

    struct Entry {
        let name: String
        let color: Color
        let sample: Sample
    }

    let entries: [Entry]
    let theme: Theme

    /// The legend of a chart's series, in palette order; nil for fewer than two series (a
    /// single series is named by the title or axis instead).
    static func forSeries(_ names: [String], theme: Theme, sample: (Int) -> Sample) -> Legend? {
        guard names.count >= 2 else { return nil }
        return Legend(entries: names.enumerated().map { index, name in
            Entry(name: name, color: theme.color(forSeries: index), sample: sample(index))
        }, theme: theme)
    }

    private var font: Canvas.Font { .init(size: theme.legendSize) }
    private let sampleLength = 26.0

    func size(on canvas: Canvas) -> Size {
        let rowHeight = canvas.measure("Xg", font: font).height + 4
        let textWidth = entries.map { canvas.measure($0.name, font: font).width }.max() ?? 0
        return Size(width: theme.gap * 3 + sampleLength + textWidth, height: rowHeight * Double(entries.count) + theme.gap)
    }

    /// Room to reserve on the right of the plot area when the legend must go outside.
    func outsideWidth(on canvas: Canvas) -> Double { size(on: canvas).width + theme.gap }

    /// The inside corner covering none of `points`, trying top right, top left, bottom right,
    /// bottom left; nil when each covers some.
    func insidePlacement(on canvas: Canvas, in area: Rect, avoiding points: [Point]) -> Rect? {
        let box = size(on: canvas)
        let inset = theme.gap
        guard box.width + 2 * inset <= area.width, box.height + 2 * inset <= area.height else { return nil }
        let corners = [
            Rect(x: area.maxX - box.width - inset, y: area.minY + inset, width: box.width, height: box.height),
            Rect(x: area.minX + inset, y: area.minY + inset, width: box.width, height: box.height),
            Rect(x: area.maxX - box.width - inset, y: area.maxY - box.height - inset, width: box.width, height: box.height),
            Rect(x: area.minX + inset, y: area.maxY - box.height - inset, width: box.width, height: box.height),
        ]
        return corners.first { corner in !points.contains(where: corner.contains) }
    }

    /// Outside the plot area, top-aligned with it, in the reserved room on the right.
    func outsidePlacement(on canvas: Canvas, beside area: Rect) -> Rect {
        let box = size(on: canvas)
        return Rect(x: area.maxX + theme.gap * 2, y: area.minY, width: box.width, height: box.height)
    }

    func draw(on canvas: Canvas, at placed: Rect) {
        let rowHeight = canvas.measure("Xg", font: font).height + 4
        canvas.fill(placed, color: theme.background.withAlpha(0.9))
        for (row, entry) in entries.enumerated() {
            let centerY = placed.minY + theme.gap / 2 + rowHeight * (Double(row) + 0.5)
            let startX = placed.minX + theme.gap
            switch entry.sample {
            case .line(let dash):
                canvas.strokeLine([Point(x: startX, y: centerY), Point(x: startX + sampleLength, y: centerY)],
                                  color: entry.color, width: theme.lineWidth, dash: dash)
            case .box:
                canvas.fill(Rect(x: startX + 4, y: centerY - 6, width: sampleLength - 8, height: 12), color: entry.color)
            case .marker(let marker):
                canvas.strokeLine([Point(x: startX, y: centerY), Point(x: startX + sampleLength, y: centerY)],
                                  color: entry.color, width: theme.axisWidth * 1.5)
                canvas.drawMarker(marker, at: Point(x: startX + sampleLength / 2, y: centerY), size: theme.markerSize,
                                  color: entry.color, background: theme.background)
            }
            canvas.drawText(entry.name, at: Point(x: startX + sampleLength + theme.gap, y: centerY), font: font,
                            color: theme.text, horizontal: .leading, vertical: .middle)
        }
    }
}

/// The shapes that tell series apart besides their colour.
public enum Marker: Sendable, CaseIterable {
    case circle, square, triangle, diamond
}
