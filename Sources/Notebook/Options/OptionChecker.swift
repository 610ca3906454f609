/// Checks one option's value against its declared type, with messages that name the option and
/// point at the offending part. A {sweep} uses it for the values of another kind's options.
public struct OptionChecker {
    /// The option's name, as messages call it.
    let name: String

    public init(name: String) {
        self.name = name
    }

    public func check(_ value: OptionValue, against type: OptionType) throws {
        if let problem = problem(value, type) { throw problem }
    }

    /// "a iris | wine" → "one of iris | wine"; "a name" stays.
    static func article(_ description: String) -> String {
        let first = description.first.map { "aeiou".contains($0) } ?? false
        return (first ? "an " : "a ") + description
    }

    /// The first mistake in `value`, or nil when it fits `type`.
    private func problem(_ value: OptionValue, _ type: OptionType) -> Diagnostic? {
        func fail(_ message: String) -> Diagnostic { Diagnostic(at: value.location, message) }
        switch type {
        case .list(let item, let count):
            guard let items = value.items else { return fail("'\(name)' must be a list, e.g. [1, 2]") }
            guard count.contains(items.count) else {
                return fail(count.upperBound == .max ? "'\(name)' needs at least \(count.lowerBound) item\(count.lowerBound == 1 ? "" : "s")"
                            : "'\(name)' must have \(count.lowerBound)–\(count.upperBound) items, not \(items.count)")
            }
            return items.lazy.compactMap { problem($0, item) }.first
        case let .mapping(keys, count):
            guard case .mapping(let pairs) = value.shape else { return fail("'\(name)' must be a mapping, e.g. {\(keys[0]): [1, 2]}") }
            guard count.contains(pairs.count) else {
                return fail("'\(name)' must map \(count.lowerBound == count.upperBound ? "\(count.lowerBound)" : "\(count.lowerBound) to \(count.upperBound)") of \(keys.joined(separator: ", "))")
            }
            for (key, item) in pairs where !keys.contains(key) {
                return Diagnostic(at: item.location, "'\(key)' cannot be used in '\(name)'\(didYouMean(key, among: keys, choices: keys.joined(separator: ", ")))")
            }
            return nil
        default:
            break
        }
        guard let text = value.scalar else { return fail("'\(name)' must be a single value, not a list or mapping") }
        switch type {
        case .integer(let range):
            guard let number = Int(text) else { return fail("'\(name)' must be a whole number, not '\(text)'") }
            guard range.contains(number) else { return fail("'\(name)' must be \(OptionType.describe(range)), not \(number)") }
        case .number(let range):
            guard let number = Double(text), number.isFinite else { return fail("'\(name)' must be a number, not '\(text)'") }
            guard range.contains(number) else {
                let rounds = range.containsAsWritten(number)
                return fail("'\(name)' must be \(range), not \(text)" + (rounds ? " (it rounds to \(Float(number)) in 32-bit floating point)" : ""))
            }
        case .boolean:
            guard text == "true" || text == "false" else { return fail("'\(name)' must be true or false, not '\(text)'") }
        case .text:
            break
        case .path(let extensions):
            guard ProjectPath.isInside(text) else {
                return fail("'\(name)' must be a path inside the project, relative to it and without '..', like data/file\(extensions[0])")
            }
            guard extensions.contains(where: { text.hasSuffix($0) }) else {
                return fail("'\(name)' must be a \(extensions.joined(separator: " or ")) file, not '\(text)'")
            }
        case .reference:
            guard DirectiveScanner.isIdentifier(text) else { return fail("'\(text)' is not a directive name") }
        case .choice(let words):
            guard words.contains(text) else { return fail("unknown \(name) '\(text)'\(didYouMean(text, among: words, choices: words.joined(separator: ", ")))") }
        case .oneOf(let types):
            guard types.contains(where: { problem(value, $0) == nil }) else {
                // A value written like a path gets the path's own message ("inside the project").
                if text.contains("/"), let path = types.first(where: { if case .path = $0 { true } else { false } }) {
                    return problem(value, path)
                }
                return fail("'\(name)' must be \(Self.article(type.description)); '\(text)' is none of these")
            }
        case .list, .mapping:
            break
        }
        return nil
    }
}
