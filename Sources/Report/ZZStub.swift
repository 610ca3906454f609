// Interim: the TeX → MathML translator is being written (Sources/Report/Math/); until it lands,
// every formula is a build error rather than raw TeX in the page.
enum MathTranslator {
    static func mathML(_ tex: String, display: Bool) throws(MathSyntaxError) -> String {
        throw MathSyntaxError(offset: 0, message: "math is not supported yet")
    }
}

struct MathSyntaxError: Error, Equatable, Sendable {
    let offset: Int
    let message: String
}
