import Foundation

/// A directive's blocks and inline values as bytes for the cache, and back. The value handed
/// to other directives is not archived: a directive that needs it reruns its producer, whose
/// expensive parts come from the cache's computations (see `ExecutionContext.memo`).
///
/// Layout: the number of blobs and each one's length (8 bytes each, big-endian), the JSON
/// description's length and the JSON itself, then the blobs — images and downloads as they
/// are, rather than base64 inside the JSON, which would cost most of a cached build's time.
enum ResultArchive {
    private struct Archive: Codable {
        let blocks: [StoredBlock]
        let fields: [String: InlineValue]
    }

    private enum StoredBlock: Codable {
        case figure(fileName: String, blob: Int, width: Int, height: Int, caption: String, alt: String)
        case table(Table)
        case downloads([StoredDownload])
        case failure(String)
    }

    private struct StoredDownload: Codable {
        let fileName: String
        let blob: Int
        let description: String
    }

    struct Malformed: Error {}

    private static let nonFinite = ("inf", "-inf", "nan")

    static func encode(_ result: DirectiveResult) throws -> [UInt8] {
        var blobs = [[UInt8]]()
        func store(_ bytes: [UInt8]) -> Int {
            blobs.append(bytes)
            return blobs.count - 1
        }
        let blocks: [StoredBlock] = result.blocks.map { block in
            switch block {
            case .figure(let figure):
                .figure(fileName: figure.fileName, blob: store(figure.png), width: figure.width, height: figure.height,
                        caption: figure.caption, alt: figure.alt)
            case .table(let table): .table(table)
            case .downloads(let downloads):
                .downloads(downloads.map { StoredDownload(fileName: $0.fileName, blob: store($0.bytes), description: $0.description) })
            case .failure(let message): .failure(message)
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: nonFinite.0, negativeInfinity: nonFinite.1,
                                                                       nan: nonFinite.2)
        let json = [UInt8](try encoder.encode(Archive(blocks: blocks, fields: result.fields)))
        var bytes = word(blobs.count)
        for blob in blobs { bytes += word(blob.count) }
        bytes += word(json.count) + json
        for blob in blobs { bytes += blob }
        return bytes
    }

    static func decode(_ bytes: [UInt8]) throws -> DirectiveResult {
        var offset = 0
        func next() throws -> Int {
            guard offset + 8 <= bytes.count else { throw Malformed() }
            defer { offset += 8 }
            let value = bytes[offset..<(offset + 8)].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            guard value <= UInt64(bytes.count) else { throw Malformed() }
            return Int(value)
        }
        let lengths = try (0..<next()).map { _ in try next() }
        let jsonLength = try next()
        guard offset + jsonLength + lengths.reduce(0, +) == bytes.count else { throw Malformed() }
        let json = Data(bytes[offset..<(offset + jsonLength)])
        offset += jsonLength
        var blobs = [[UInt8]]()
        for length in lengths {
            blobs.append(Array(bytes[offset..<(offset + length)]))
            offset += length
        }
        func blob(_ index: Int) throws -> [UInt8] {
            guard blobs.indices.contains(index) else { throw Malformed() }
            return blobs[index]
        }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: nonFinite.0, negativeInfinity: nonFinite.1,
                                                                         nan: nonFinite.2)
        let archive = try decoder.decode(Archive.self, from: json)
        let blocks: [OutputBlock] = try archive.blocks.map { block in
            switch block {
            case let .figure(fileName, index, width, height, caption, alt):
                .figure(Figure(fileName: fileName, png: try blob(index), width: width, height: height, caption: caption, alt: alt))
            case .table(let table): .table(table)
            case .downloads(let downloads):
                .downloads(try downloads.map { Download(fileName: $0.fileName, bytes: try blob($0.blob), description: $0.description) })
            case .failure(let message): .failure(message)
            }
        }
        return DirectiveResult(blocks: blocks, fields: archive.fields)
    }

    private static func word(_ value: Int) -> [UInt8] {
        withUnsafeBytes(of: UInt64(value).bigEndian) { Array($0) }
    }
}
