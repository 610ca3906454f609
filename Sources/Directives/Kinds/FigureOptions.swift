import Charts
import Notebook

/// The options every figure kind shares — `caption`, `alt`, `width`, `height` — read once.
struct FigureOptions: Sendable {
    let caption: String?
    let alt: String?
    let size: Size

    init(_ options: DirectiveOptions) {
        caption = options.optional("caption")
        alt = options.optional("alt")
        size = Size(width: Double(options.get("width", as: Int.self)), height: Double(options.get("height", as: Int.self)))
    }

    /// A figure with the author's caption and alt text where given, else the generated ones
    /// (only worked out when needed), at the author's size or `height` when the chart needs
    /// more room (stacked panels).
    func figure(_ fileName: String, png: [UInt8], caption generated: @autoclosure () -> String,
                alt generatedAlt: @autoclosure () -> String, height: Double? = nil) -> Figure {
        Figure(fileName: fileName, png: png, width: Int(size.width), height: Int(height ?? size.height),
               caption: caption ?? generated(), alt: alt ?? generatedAlt())
    }
}
