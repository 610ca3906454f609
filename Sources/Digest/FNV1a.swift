/// FNV-1a, 64 bits: a fast checksum for data that must not be read back damaged (cache
/// entries). It detects accidental change — a flipped bit, a torn write — not a forgery; keys
/// that must not collide use SHA-256.
public enum FNV1a {
    public static func hash64<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
