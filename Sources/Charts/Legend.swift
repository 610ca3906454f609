/// A box of "sample line + name" rows, placed in the corner of the plot area that covers the
/// fewest data points.
struct Legend {
    struct Entry {
        let name: String
        let color: Color
        let dash: [Double]
    }

    let entries: [Entry]
    let theme: Theme

    private var font: Canvas.Font { .init(size: theme.legendSize) }
    private let sampleLength = 26.0

    func draw(on canvas: Canvas, in area: Rect, avoiding points: [Point]) {
        let rowHeight = canvas.measure("Xg", font: font).height + 4
        let textWidth = entries.map { canvas.measure($0.name, font: font).width }.max() ?? 0
        let box = Size(width: theme.gap * 3 + sampleLength + textWidth, height: rowHeight * Double(entries.count) + theme.gap)
        let inset = theme.gap
        let corners = [
            Rect(x: area.maxX - box.width - inset, y: area.minY + inset, width: box.width, height: box.height),
            Rect(x: area.minX + inset, y: area.minY + inset, width: box.width, height: box.height),
            Rect(x: area.maxX - box.width - inset, y: area.maxY - box.height - inset, width: box.width, height: box.height),
            Rect(x: area.minX + inset, y: area.maxY - box.height - inset, width: box.width, height: box.height),
        ]
        // First corner with the fewest covered points wins: ties keep the conventional top right.
        let placed = corners.min { a, b in
            points.filter(a.contains).count < points.filter(b.contains).count
        }!
        canvas.fill(placed, color: theme.background.withAlpha(0.9))
        for (row, entry) in entries.enumerated() {
            let centerY = placed.minY + theme.gap / 2 + rowHeight * (Double(row) + 0.5)
            let startX = placed.minX + theme.gap
            canvas.strokeLine([Point(x: startX, y: centerY), Point(x: startX + sampleLength, y: centerY)],
                              color: entry.color, width: theme.lineWidth, dash: entry.dash)
            canvas.drawText(entry.name, at: Point(x: startX + sampleLength + theme.gap, y: centerY), font: font,
                            color: theme.text, horizontal: .leading, vertical: .middle)
        }
    }
}
