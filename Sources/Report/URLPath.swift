extension String {
    /// The path as a relative URL: every byte of its UTF-8 but the unreserved characters
    /// (`A–Z a–z 0–9 - . _ ~`) and `/` percent-encoded. A file name with `?`, `#`, `%`, `:`,
    /// spaces or Chinese characters then links to itself, and `javascript:x.html` stays a
    /// relative link to a file of that name instead of becoming a script URL.
    var percentEncodedPath: String {
        var out = ""
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    private func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
