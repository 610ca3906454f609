import Digest
import Testing

/// FIPS 180-4's examples and the padding edges: 55, 56 and 64 bytes, and a large input fed in pieces.
@Suite struct SHA256Tests {
    @Test func knownDigests() {
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc".utf8) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func piecesGiveTheSameDigestAsTheWhole() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        for length in [55, 56, 63, 64, 65, 1000] {
            var hasher = SHA256()
            var start = 0
            while start < length {
                let end = min(length, start + 7)
                hasher.update(bytes[start..<end])
                start = end
            }
            #expect(hasher.finalize() == SHA256.hash(bytes.prefix(length)))
        }
    }
}

/// The reference values of the FNV-1a 64-bit hash (Fowler, Noll and Vo's test suite).
@Suite struct FNV1aTests {
    @Test func knownHashes() {
        #expect(FNV1a.hash64([UInt8]()) == 0xcbf2_9ce4_8422_2325)
        #expect(FNV1a.hash64("a".utf8) == 0xaf63_dc4c_8601_ec8c)
        #expect(FNV1a.hash64("foobar".utf8) == 0x8594_4171_f739_67e8)
    }
}
