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
        var writer = ByteWriter()
        writer.word(blobs.count)
        for blob in blobs { writer.word(blob.count) }
        writer.word(json.count)
        writer.append(json)
        for blob in blobs { writer.append(blob) }
        return writer.bytes
    }

    static func decode(_ bytes: [UInt8]) throws -> DirectiveResult {
        var reader = ByteReader(bytes)
        let lengths = try (0..<reader.count()).map { _ in try reader.count() }
        let json = Data(try reader.take(try reader.count()))
        let blobs = try lengths.map { Array(try reader.take($0)) }
        guard reader.remaining == 0 else { throw ByteReader.Malformed() }
        func blob(_ index: Int) throws -> [UInt8] {
            guard blobs.indices.contains(index) else { throw ByteReader.Malformed() }
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
}
