import Foundation

/// A directive's blocks and inline values as bytes for the cache, and back. The value handed
/// to other directives is not archived: a directive that needs it reruns its producer, whose
/// expensive parts come from the cache's computations (see `ExecutionContext.memo`).
enum ResultArchive {
    private struct Archive: Codable {
        let blocks: [OutputBlock]
        let fields: [String: InlineValue]
    }

    private static let nonFinite = ("inf", "-inf", "nan")

    static func encode(_ result: DirectiveResult) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: nonFinite.0, negativeInfinity: nonFinite.1,
                                                                       nan: nonFinite.2)
        return [UInt8](try encoder.encode(Archive(blocks: result.blocks, fields: result.fields)))
    }

    static func decode(_ bytes: [UInt8]) throws -> DirectiveResult {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: nonFinite.0, negativeInfinity: nonFinite.1,
                                                                         nan: nonFinite.2)
        let archive = try decoder.decode(Archive.self, from: Data(bytes))
        return DirectiveResult(blocks: archive.blocks, fields: archive.fields)
    }
}

// Images and files as base64 rather than arrays of numbers.
extension Figure: Codable {
    private enum CodingKeys: String, CodingKey { case fileName, png, width, height, caption, alt }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(fileName: try container.decode(String.self, forKey: .fileName),
                  png: [UInt8](try container.decode(Data.self, forKey: .png)),
                  width: try container.decode(Int.self, forKey: .width), height: try container.decode(Int.self, forKey: .height),
                  caption: try container.decode(String.self, forKey: .caption), alt: try container.decode(String.self, forKey: .alt))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(fileName, forKey: .fileName)
        try container.encode(Data(png), forKey: .png)
        try container.encode(width, forKey: .width)
        try container.encode(height, forKey: .height)
        try container.encode(caption, forKey: .caption)
        try container.encode(alt, forKey: .alt)
    }
}

extension Download: Codable {
    private enum CodingKeys: String, CodingKey { case fileName, bytes, description }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(fileName: try container.decode(String.self, forKey: .fileName),
                  bytes: [UInt8](try container.decode(Data.self, forKey: .bytes)),
                  description: try container.decode(String.self, forKey: .description))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(fileName, forKey: .fileName)
        try container.encode(Data(bytes), forKey: .bytes)
        try container.encode(description, forKey: .description)
    }
}
