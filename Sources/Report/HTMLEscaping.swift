extension String {
    /// The text with `&`, `<`, `>`, `"` and `'` escaped, safe in element content and in
    /// quoted attribute values. Control characters, which HTML does not allow (and a NUL would
    /// end the page where C code reads it), become U+FFFD; tabs and line breaks stay.
    var htmlEscaped: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{7F}"..."\u{9F}": out.unicodeScalars.append("\u{FFFD}")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension String {
    /// JSON text made safe to embed in an HTML `<script>`: `<`, `>` and `&` written as `\u003c`,
    /// `\u003e` and `\u0026` (they only occur inside JSON strings, where these escapes mean the
    /// same), so no `</script>`, `<!--` or `<script` can end or change the script; and the line
    /// separators U+2028 and U+2029, which older JavaScript does not allow in a string.
    var scriptSafeJSON: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
