import Foundation
import CCairo

/// A drawing surface in points, backed by a Cairo image surface at a device scale (2× by
/// default: an 800×500-point canvas is a 1600×1000-pixel image). The only type in the
/// project that talks to Cairo.
final class Canvas {
    let size: Size
    private let surface: OpaquePointer
    private let context: OpaquePointer
    private let theme: Theme

    init(size: Size, scale: Double = 2, theme: Theme) throws {
        guard size.width >= 50, size.height >= 50, size.width <= 10_000, size.height <= 10_000 else {
            throw ChartError.invalidSize(width: size.width, height: size.height)
        }
        self.size = size
        self.theme = theme
        surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32((size.width * scale).rounded()),
                                             Int32((size.height * scale).rounded()))
        cairo_surface_set_device_scale(surface, scale, scale)
        context = cairo_create(surface)
        guard cairo_status(context) == CAIRO_STATUS_SUCCESS else {
            let message = String(cString: cairo_status_to_string(cairo_status(context)))
            cairo_destroy(context)
            cairo_surface_destroy(surface)
            throw ChartError.cairo(message)
        }
        // Pinned font options: gray antialiasing, no hinting, unhinted metrics. Text then looks
        // the same and measures the same on every machine with the same font files.
        let options = cairo_font_options_create()
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_set_font_options(context, options)
        cairo_font_options_destroy(options)
        fill(Rect(x: 0, y: 0, width: size.width, height: size.height), color: theme.background)
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    // MARK: Paths and strokes

    func setColor(_ color: Color) {
        cairo_set_source_rgba(context, color.red, color.green, color.blue, color.alpha)
    }

    func fill(_ rect: Rect, color: Color) {
        setColor(color)
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_fill(context)
    }

    /// Strokes a polyline; `dash` empty for solid.
    func strokeLine(_ points: [Point], color: Color, width: Double, dash: [Double] = []) {
        guard let first = points.first else { return }
        cairo_new_path(context)
        cairo_move_to(context, first.x, first.y)
        for point in points.dropFirst() { cairo_line_to(context, point.x, point.y) }
        setColor(color)
        cairo_set_line_width(context, width)
        cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(context, dash.isEmpty ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT)
        dash.withUnsafeBufferPointer { cairo_set_dash(context, $0.baseAddress, Int32($0.count), 0) }
        cairo_stroke(context)
        cairo_set_dash(context, nil, 0, 0)
    }

    /// Fills a closed polygon.
    func fillPolygon(_ points: [Point], color: Color) {
        guard let first = points.first else { return }
        cairo_new_path(context)
        cairo_move_to(context, first.x, first.y)
        for point in points.dropFirst() { cairo_line_to(context, point.x, point.y) }
        cairo_close_path(context)
        setColor(color)
        cairo_fill(context)
    }

    /// Runs `body` with drawing clipped to `rect`.
    func clipped(to rect: Rect, _ body: () -> Void) {
        cairo_save(context)
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(context)
        body()
        cairo_restore(context)
    }

    // MARK: Text

    struct Font: Hashable {
        var size: Double
        var bold = false
    }

    private func select(_ font: Font) {
        cairo_select_font_face(context, theme.fontFamily, CAIRO_FONT_SLANT_NORMAL,
                               font.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(context, font.size)
    }

    /// Width of the text's advance and the font's full line height (ascent + descent), so
    /// labels of one font line up whatever letters they hold.
    func measure(_ text: String, font: Font) -> Size {
        select(font)
        var textExtents = cairo_text_extents_t()
        cairo_text_extents(context, text, &textExtents)
        var fontExtents = cairo_font_extents_t()
        cairo_font_extents(context, &fontExtents)
        return Size(width: textExtents.x_advance, height: fontExtents.ascent + fontExtents.descent)
    }

    enum HorizontalAnchor { case leading, center, trailing }
    enum VerticalAnchor { case top, middle, bottom }

    /// Draws one line of text so that its anchor point is at `point`; `rotated` turns it
    /// 90° counter-clockwise (for a y-axis title), anchors then apply to the rotated box.
    func drawText(_ text: String, at point: Point, font: Font, color: Color,
                  horizontal: HorizontalAnchor = .leading, vertical: VerticalAnchor = .bottom, rotated: Bool = false) {
        select(font)
        var fontExtents = cairo_font_extents_t()
        cairo_font_extents(context, &fontExtents)
        var textExtents = cairo_text_extents_t()
        cairo_text_extents(context, text, &textExtents)
        let width = textExtents.x_advance
        let height = fontExtents.ascent + fontExtents.descent
        let dx: Double = switch horizontal { case .leading: 0; case .center: -width / 2; case .trailing: -width }
        let dy: Double = switch vertical {
        case .top: fontExtents.ascent
        case .middle: fontExtents.ascent - height / 2
        case .bottom: fontExtents.ascent - height
        }
        cairo_save(context)
        cairo_translate(context, point.x, point.y)
        if rotated { cairo_rotate(context, -Double.pi / 2) }
        cairo_move_to(context, dx, dy)
        setColor(color)
        cairo_show_text(context, text)
        cairo_restore(context)
    }

    // MARK: Output

    /// The image as PNG bytes (see `PNGEncoder`).
    func pngData() throws -> [UInt8] {
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { throw ChartError.cairo("the image has no pixel data") }
        return try PNGEncoder.encode(pixels: data, width: Int(cairo_image_surface_get_width(surface)),
                                     height: Int(cairo_image_surface_get_height(surface)),
                                     stride: Int(cairo_image_surface_get_stride(surface)))
    }
}

extension Canvas {
    /// A filled marker with a thin outline in the background colour, so overlapping markers stay distinct.
    func drawMarker(_ marker: Marker, at center: Point, size: Double, color: Color, background: Color) {
        let r = size / 2
        let outline: [Point]
        switch marker {
        case .circle:
            outline = (0..<24).map { i in
                let angle = Double(i) / 24 * 2 * Double.pi
                return Point(x: center.x + r * cos(angle), y: center.y + r * sin(angle))
            }
        case .square:
            let s = r * 0.9
            outline = [Point(x: center.x - s, y: center.y - s), Point(x: center.x + s, y: center.y - s),
                       Point(x: center.x + s, y: center.y + s), Point(x: center.x - s, y: center.y + s)]
        case .triangle:
            outline = [Point(x: center.x, y: center.y - r * 1.1), Point(x: center.x + r * 1.05, y: center.y + r * 0.8),
                       Point(x: center.x - r * 1.05, y: center.y + r * 0.8)]
        case .diamond:
            outline = [Point(x: center.x, y: center.y - r * 1.2), Point(x: center.x + r, y: center.y),
                       Point(x: center.x, y: center.y + r * 1.2), Point(x: center.x - r, y: center.y)]
        }
        fillPolygon(outline, color: color)
        strokeLine(outline + [outline[0]], color: background, width: 1)
    }
}
