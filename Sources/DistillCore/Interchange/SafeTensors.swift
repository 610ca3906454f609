import Foundation

/// Reading and writing the safetensors format: an 8-byte little-endian header length N, N bytes
/// of JSON describing each tensor (`dtype`, `shape`, `data_offsets` into the byte buffer that
/// follows), then the little-endian tensor data. Only F32 tensors are supported, which is what
/// PyTorch writes for float32 models.
public enum SafeTensors {
    public struct Tensor: Sendable, Equatable {
        public let name: String
        public let shape: [Int]
        public let values: [Float]

        public init(name: String, shape: [Int], values: [Float]) {
            precondition(shape.reduce(1, *) == values.count, "shape \(shape) does not hold \(values.count) values")
            self.name = name
            self.shape = shape
            self.values = values
        }
    }

    /// Encodes tensors in the given order, contiguously, header padded with spaces to a
    /// multiple of 8 bytes. The bytes depend only on the input (no timestamps).
    public static func encode(_ tensors: [Tensor], metadata: [String: String] = [:]) -> [UInt8] {
        var entries = [String]()
        if !metadata.isEmpty {
            let pairs = metadata.keys.sorted().map { "\(jsonString($0)):\(jsonString(metadata[$0]!))" }
            entries.append("\"__metadata__\":{\(pairs.joined(separator: ","))}")
        }
        var offset = 0
        for tensor in tensors {
            let end = offset + tensor.values.count * 4
            let shape = tensor.shape.map(String.init).joined(separator: ",")
            entries.append("\(jsonString(tensor.name)):{\"dtype\":\"F32\",\"shape\":[\(shape)],\"data_offsets\":[\(offset),\(end)]}")
            offset = end
        }
        var header = Array("{\(entries.joined(separator: ","))}".utf8)
        while header.count % 8 != 0 { header.append(0x20) }
        var bytes = [UInt8]()
        bytes.reserveCapacity(8 + header.count + offset)
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes += header
        for tensor in tensors {
            for value in tensor.values {
                withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
            }
        }
        return bytes
    }

    /// Decodes a file's bytes; tensors come back ordered by their data offset.
    /// Rejects anything malformed with a `DataFileError` naming the file.
    public static func decode(_ bytes: [UInt8], fileName: String) throws -> [Tensor] {
        func fail(_ message: String) -> DataFileError { DataFileError(file: fileName, message) }
        guard bytes.count >= 8 else { throw fail("not a safetensors file: shorter than its 8-byte header length") }
        let headerLength = bytes[0..<8].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        guard headerLength >= 2, headerLength <= UInt64(bytes.count - 8), headerLength <= 100_000_000 else {
            throw fail("bad header length \(headerLength) for a file of \(bytes.count) bytes")
        }
        let dataStart = 8 + Int(headerLength)
        let json: Any
        do { json = try JSONSerialization.jsonObject(with: Data(bytes[8..<dataStart])) } catch {
            throw fail("the header is not valid JSON")
        }
        guard let header = json as? [String: Any] else { throw fail("the header is not a JSON object") }
        let dataLength = bytes.count - dataStart
        var tensors = [(begin: Int, tensor: Tensor)]()
        for (name, entry) in header where name != "__metadata__" {
            guard let fields = entry as? [String: Any], let dtype = fields["dtype"] as? String,
                  let shape = (fields["shape"] as? [NSNumber])?.map(\.intValue),
                  let offsets = (fields["data_offsets"] as? [NSNumber])?.map(\.intValue), offsets.count == 2 else {
                throw fail("tensor '\(name)' lacks dtype, shape or data_offsets")
            }
            guard dtype == "F32" else { throw fail("tensor '\(name)' has dtype \(dtype); only F32 is supported") }
            guard shape.allSatisfy({ $0 >= 0 }) else { throw fail("tensor '\(name)' has a negative dimension") }
            let (begin, end) = (offsets[0], offsets[1])
            guard begin >= 0, begin <= end, end <= dataLength else {
                throw fail("tensor '\(name)' has data offsets [\(begin), \(end)] outside the \(dataLength)-byte data")
            }
            // The element count must not overflow (a hostile header can claim any shape).
            var count = 1
            for dimension in shape {
                let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
                guard !overflow, product <= Int.max / 4 else {
                    throw fail("tensor '\(name)' has shape \(shape), whose element count overflows")
                }
                count = product
            }
            guard end - begin == count * 4 else {
                throw fail("tensor '\(name)' of shape \(shape) needs \(count * 4) bytes but its offsets span \(end - begin)")
            }
            let values = (0..<count).map { i -> Float in
                let at = dataStart + begin + 4 * i
                let bits = UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
                return Float(bitPattern: bits)
            }
            tensors.append((begin, Tensor(name: name, shape: shape, values: values)))
        }
        tensors.sort { ($0.begin, $0.tensor.name) < ($1.begin, $1.tensor.name) }
        var covered = 0
        for (begin, tensor) in tensors {
            guard begin == covered else { throw fail("tensor '\(tensor.name)' overlaps another or leaves a gap in the data") }
            covered += tensor.values.count * 4
        }
        guard covered == dataLength else { throw fail("\(dataLength - covered) bytes of data belong to no tensor") }
        return tensors.map(\.tensor)
    }

    private static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
