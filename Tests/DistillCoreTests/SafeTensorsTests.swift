import Testing
@testable import DistillCore

@Suite struct SafeTensorsTests {
    let model: MLP<Float> = {
        var generator = SeededGenerator(seed: 4)
        return MLP(MLPArchitecture(inputs: 4, hidden: [6, 5], outputs: 3), generator: &generator)
    }()

    @Test func stateDictRoundTripUsesPyTorchNamesAndShapes() throws {
        let bytes = SafeTensors.encode(model.stateDict(), metadata: ["format": "pt"])
        let tensors = try SafeTensors.decode(bytes, fileName: "m.safetensors")
        #expect(tensors.map(\.name) == ["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias", "fc3.weight", "fc3.bias"])
        #expect(tensors.map(\.shape) == [[6, 4], [6], [5, 6], [5], [3, 5], [3]])
        let loaded = try MLP<Float>(stateDict: tensors, activation: .relu, fileName: "m.safetensors")
        #expect(loaded == model)
        // Header: little-endian length, JSON padded to a multiple of 8.
        let headerLength = Int(bytes[0]) | Int(bytes[1]) << 8
        #expect(headerLength % 8 == 0)
        #expect(bytes.count == 8 + headerLength + model.parameters.count * 4)
    }

    @Test func knownBytesOfATinyFile() throws {
        let bytes = SafeTensors.encode([SafeTensors.Tensor(name: "b", shape: [2], values: [1, -2])])
        let header = #"{"b":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#
        #expect(Array(bytes[8..<(8 + header.utf8.count)]) == Array(header.utf8))
        #expect(Array(bytes.suffix(8)) == [0, 0, 0x80, 0x3F, 0, 0, 0, 0xC0])  // 1.0f and −2.0f, little-endian
    }

    func rejects(_ bytes: [UInt8], _ message: String) {
        #expect(throws: DataFileError(file: "bad.safetensors", message)) { try SafeTensors.decode(bytes, fileName: "bad.safetensors") }
    }

    func file(header: String, data: [UInt8]) -> [UInt8] {
        let json = Array(header.utf8)
        return withUnsafeBytes(of: UInt64(json.count).littleEndian, Array.init) + json + data
    }

    @Test func corruptedFilesAreRejected() {
        let good = SafeTensors.encode(model.stateDict())
        rejects([1, 2, 3], "not a safetensors file: shorter than its 8-byte header length")
        rejects([0xFF, 0xFF, 0, 0, 0, 0, 0, 0] + good.dropFirst(8), "bad header length 65535 for a file of \(good.count) bytes")
        rejects(file(header: "{oops", data: []), "the header is not valid JSON")
        rejects(file(header: #"{"w":{"dtype":"F16","shape":[2],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0]),
                "tensor 'w' has dtype F16; only F32 is supported")
        rejects(file(header: #"{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,16]}}"#, data: Array(repeating: 0, count: 8)),
                "tensor 'w' has data offsets [0, 16] outside the 8-byte data")
        rejects(file(header: #"{"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}"#, data: Array(repeating: 0, count: 8)),
                "tensor 'w' of shape [3] needs 12 bytes but its offsets span 8")
        rejects(file(header: #"{"w":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#, data: Array(repeating: 0, count: 8)),
                "tensor 'w' overlaps another or leaves a gap in the data")
        rejects(file(header: #"{"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#, data: Array(repeating: 0, count: 8)),
                "4 bytes of data belong to no tensor")
        rejects(file(header: #"{"w":{"dtype":"F32","shape":[4611686018427387904,8],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0]),
                "tensor 'w' has shape [4611686018427387904, 8], whose element count overflows")
    }

    @Test func stateDictWithWrongShapesIsRejected() {
        var tensors = model.stateDict()
        tensors[2] = SafeTensors.Tensor(name: "fc2.weight", shape: [5, 7], values: Array(repeating: 0, count: 35))
        #expect(throws: DataFileError(file: "m", "fc2.weight takes 7 inputs but fc1 gives 6")) {
            try MLP<Float>(stateDict: tensors, activation: .relu, fileName: "m")
        }
    }
}
