/// TeX math to MathML Core, the MathML Chromium draws without script or web fonts.
///
/// The subset is what a tutorial needs: letters, numbers and operators; scripts and primes;
/// fractions, roots and binomials; Greek; large operators and function names with limits;
/// `\text`, `\operatorname` and the math alphabets; `\left…\middle…\right` and `\big`;
/// spaces; accents; `aligned`, `gathered`, `cases` and the matrices. Anything else is an
/// error at the byte where it starts, never a guess.
enum MathTranslator {
    /// `<math>` element for `tex`; `display` gives `<math display="block">`, otherwise `<math>`.
    static func mathML(_ tex: String, display: Bool) throws(MathSyntaxError) -> String {
        var parser = MathParser(tex, display: display)
        let nodes = try parser.parseFormula()
        var writer = MathMLWriter()
        writer.writeFormula(nodes, tex: tex, display: display)
        return writer.output
    }
}

/// Why a formula cannot be translated, and where.
struct MathSyntaxError: Error, Equatable, Sendable {
    /// 0-based UTF-8 byte offset into `tex` where the problem starts (e.g. the backslash of an unknown command).
    let offset: Int
    let message: String
}
