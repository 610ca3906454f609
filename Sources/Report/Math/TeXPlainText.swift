/// A formula as plain text for places that show no MathML — search entries and snippets,
/// titles in the contents — `\alpha \cdot T^{2}` → `α · T^2`: symbols become their characters,
/// names of functions stay, commands that only shape the output (`\frac`, `\text`, `\left`)
/// and braces disappear.
enum TeXPlainText {
    static func readable(_ tex: String) -> String {
        var out = ""
        let scalars = Array(tex.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case "\\":
                var name = ""
                while index < scalars.count, scalars[index].properties.isAlphabetic { name.unicodeScalars.append(scalars[index]); index += 1 }
                if name.isEmpty, index < scalars.count {  // \{ \| \, \\ …
                    let symbol = scalars[index]
                    index += 1
                    out += "{}|".unicodeScalars.contains(symbol) ? String(symbol) : " "
                    continue
                }
                switch MathSymbols.lookup(name) {
                case .letter(let letter)?: out.unicodeScalars.append(letter)
                case .identifier(let text)?, .op(let text, _)?, .fence(let text, _)?, .largeOp(let text, _)?: out += " \(text) "
                case .function(let function, _)?: out += " \(function) "
                case .space?: out += " "
                case nil: out += " "
                }
            case "{", "}": continue
            case "&": out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
