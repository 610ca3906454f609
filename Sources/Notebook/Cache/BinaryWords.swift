/// Big-endian 64-bit words and raw bytes: the pieces of the cache's binary formats (entry
/// headers, archived results, stored training runs).
public struct ByteWriter {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func word(_ value: UInt64) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func word(_ value: Int) { word(UInt64(value)) }

    public mutating func append(_ more: some Sequence<UInt8>) { bytes.append(contentsOf: more) }
}

/// Reads what a `ByteWriter` wrote, refusing to run past the end.
public struct ByteReader {
    /// The bytes end before what is asked for: a truncated or foreign record.
    public struct Malformed: Error {
        public init() {}
    }

    private let bytes: [UInt8]
    public private(set) var offset = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public var remaining: Int { bytes.count - offset }

    public mutating func word() throws -> UInt64 {
        let slice = try take(8)
        return slice.reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// A word that counts bytes or items of what follows: at most what is left.
    public mutating func count() throws -> Int {
        let value = try word()
        guard value <= UInt64(remaining) else { throw Malformed() }
        return Int(value)
    }

    public mutating func take(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, count <= remaining else { throw Malformed() }
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }
}
