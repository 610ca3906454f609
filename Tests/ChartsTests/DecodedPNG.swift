import CCairo

/// A PNG decoded by Cairo's reader: its pixel size and ARGB32 pixels, so tests check a real
/// decode and not just header bytes.
struct DecodedPNG {
    let width: Int
    let height: Int
    let pixels: [UInt32]

    init?(_ bytes: [UInt8]) {
        final class Source {
            let bytes: [UInt8]
            var offset = 0
            init(_ bytes: [UInt8]) { self.bytes = bytes }
        }
        let source = Source(bytes)
        let surface = cairo_image_surface_create_from_png_stream({ closure, data, length in
            let source = Unmanaged<Source>.fromOpaque(closure!).takeUnretainedValue()
            let count = Int(length)
            guard source.offset + count <= source.bytes.count else { return CAIRO_STATUS_READ_ERROR }
            for i in 0..<count { data![i] = source.bytes[source.offset + i] }
            source.offset += count
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(source).toOpaque())
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { return nil }
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface)) / 4
        let data = cairo_image_surface_get_data(surface)!.withMemoryRebound(to: UInt32.self, capacity: stride * height) { $0 }
        var pixels = [UInt32]()
        pixels.reserveCapacity(width * height)
        for y in 0..<height {
            for x in 0..<width { pixels.append(data[y * stride + x]) }
        }
        self.pixels = pixels
    }

    /// Number of distinct colours, a cheap check that something was drawn.
    var distinctColors: Int { Set(pixels).count }
}
