import CZlib

/// Encodes a Cairo ARGB32 image as PNG. Charts are large, mostly flat images: each row is
/// stored with PNG's "Up" filter (identical rows become zeros) and deflated with zlib's
/// run-length strategy, several times faster than libpng's adaptive filtering at default
/// compression, for files of similar size. Opaque images are written as 8-bit RGB, others as
/// RGBA with the alpha un-premultiplied. No time or text chunks: the same pixels give the same
/// bytes.
enum PNGEncoder {
    /// - Parameters:
    ///   - pixels: Cairo's ARGB32 data (premultiplied, native-endian 32-bit words), `stride` bytes a row.
    static func encode(pixels: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int) throws -> [UInt8] {
        let words = UnsafeRawPointer(pixels)
        var opaque = true
        for y in 0..<height where opaque {
            let row = words + y * stride
            for x in 0..<width where row.load(fromByteOffset: 4 * x, as: UInt32.self) >> 24 != 0xFF {
                opaque = false
                break
            }
        }
        let channels = opaque ? 3 : 4
        let rowBytes = width * channels
        // Filtered scanlines: a filter-type byte, then the row's byte-wise differences from
        // the row above ("Up"), converted straight from Cairo's words.
        let filtered = [UInt8](unsafeUninitializedCapacity: height * (rowBytes + 1)) { out, count in
            for y in 0..<height {
                let row = words + y * stride
                let above = y > 0 ? words + (y - 1) * stride : nil
                let line = out.baseAddress! + y * (rowBytes + 1)
                line[0] = 2  // Up
                if opaque {  // the common case, kept free of per-pixel branches
                    let zero = UnsafeRawPointer(words)  // any readable row; multiplied by 0 below
                    let (upper, weight): (UnsafeRawPointer, UInt32) = above.map { ($0, 1) } ?? (zero, 0)
                    for x in 0..<width {
                        let c = row.load(fromByteOffset: 4 * x, as: UInt32.self)
                        let p = upper.load(fromByteOffset: 4 * x, as: UInt32.self) &* weight
                        let at = line + 1 + 3 * x
                        at[0] = UInt8(truncatingIfNeeded: c >> 16) &- UInt8(truncatingIfNeeded: p >> 16)
                        at[1] = UInt8(truncatingIfNeeded: c >> 8) &- UInt8(truncatingIfNeeded: p >> 8)
                        at[2] = UInt8(truncatingIfNeeded: c) &- UInt8(truncatingIfNeeded: p)
                    }
                    continue
                }
                for x in 0..<width {
                    let current = unpremultipliedBytes(row.load(fromByteOffset: 4 * x, as: UInt32.self), opaque: opaque)
                    let previous = above.map { unpremultipliedBytes($0.load(fromByteOffset: 4 * x, as: UInt32.self), opaque: opaque) } ?? .zero
                    let difference = current &- previous
                    let at = line + 1 + x * channels
                    at[0] = difference[0]; at[1] = difference[1]; at[2] = difference[2]
                    if !opaque { at[3] = difference[3] }
                }
            }
            count = height * (rowBytes + 1)
        }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header = [UInt8]()
        header += bigEndian(UInt32(width)) + bigEndian(UInt32(height))
        header += [8, opaque ? 2 : 6, 0, 0, 0]  // bit depth, colour type (RGB / RGBA), deflate, adaptive filters, no interlace
        appendChunk("IHDR", header, to: &png)
        appendChunk("IDAT", try deflate(filtered), to: &png)
        appendChunk("IEND", [], to: &png)
        return png
    }

    /// R, G, B, A of a Cairo ARGB32 word, with the premultiplication undone when not opaque.
    @inline(__always)
    private static func unpremultipliedBytes(_ argb: UInt32, opaque: Bool) -> SIMD4<UInt8> {
        var r = (argb >> 16) & 0xFF, g = (argb >> 8) & 0xFF, b = argb & 0xFF
        let alpha = argb >> 24
        if !opaque, alpha > 0, alpha < 255 {  // Cairo premultiplies; PNG does not
            r = min(255, (r * 255 + alpha / 2) / alpha)
            g = min(255, (g * 255 + alpha / 2) / alpha)
            b = min(255, (b * 255 + alpha / 2) / alpha)
        }
        return SIMD4(UInt8(r), UInt8(g), UInt8(b), UInt8(alpha))
    }

    private static func deflate(_ input: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        guard deflateInit2_(&stream, 6, Z_DEFLATED, 15, 8, Z_RLE, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ChartError.cairo("zlib could not start compressing")
        }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(input.count))))
        var input = input
        let status = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { destination in
                stream.next_in = source.baseAddress
                stream.avail_in = UInt32(source.count)
                stream.next_out = destination.baseAddress
                stream.avail_out = UInt32(destination.count)
                return CZlib.deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw ChartError.cairo("zlib could not compress the image (status \(status))") }
        return Array(output.prefix(Int(stream.total_out)))
    }

    private static func appendChunk(_ type: String, _ data: [UInt8], to png: inout [UInt8]) {
        let typeBytes = Array(type.utf8)
        png += bigEndian(UInt32(data.count)) + typeBytes + data
        var crc = crc32(0, typeBytes, UInt32(typeBytes.count))
        crc = data.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, UInt32($0.count)) }
        png += bigEndian(UInt32(crc))
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
