import Foundation
import Yams

/// Reads a YAML mapping of options into `OptionValue`s with source positions, turning Yams's
/// errors into diagnostics in the chapter's own lines.
enum YAMLOptions {
    /// The mapping's entries in document order: key, key position, value.
    static func parse(_ yaml: String, file: String, firstLine: Int, subject: String) throws
        -> [(key: String, location: SourceLocation, value: OptionValue)] {
        func locate(_ mark: Mark?) -> SourceLocation {
            guard let mark else { return SourceLocation(file: file, line: firstLine) }
            return SourceLocation(file: file, line: firstLine + mark.line - 1, column: mark.column)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
            throw Diagnostic(at: repeatedKey(duplicates.first ?? "", in: yaml, file: file, firstLine: firstLine) ?? locate(context.mark),
                             "option '\(duplicates.first ?? "?")' is given twice")
        } catch let error as YamlError {
            throw diagnostic(for: error, locate: locate) { line, column in
                SourceLocation(file: file, line: firstLine + line - 1, column: column)
            }
        }
        guard let root else { return [] }
        guard let mapping = root.mapping else {
            throw Diagnostic(at: locate(root.mark), "the body of \(subject) must be a YAML mapping of options (key: value)")
        }
        var entries = [(key: String, location: SourceLocation, value: OptionValue)]()
        var budget = maximumValues
        for (keyNode, valueNode) in mapping {
            let keyLocation = locate(keyNode.mark)
            guard let key = keyNode.scalar?.string else {
                throw Diagnostic(at: keyLocation, "option names must be plain words")
            }
            entries.append((key, keyLocation, try value(valueNode, budget: &budget, locate: locate)))
        }
        return entries
    }

    /// How deeply lists and mappings may nest (libyaml's own limit, which Yams keeps).
    static let maximumDepth = 1000

    /// The most YAML values one directive's options may hold.
    static let maximumValues = 10_000

    private static func value(_ node: Node, budget: inout Int, locate: (Mark?) -> SourceLocation) throws -> OptionValue {
        let location = locate(node.mark)
        // Aliases share the anchored node, so a few lines of YAML (an "alias bomb") can stand
        // for billions of values: count them as they are visited and stop at a budget.
        budget -= 1
        guard budget >= 0 else {
            throw Diagnostic(at: location, "the options hold more than \(maximumValues) YAML values (anchors and aliases expand); directive options are limited to \(maximumValues)")
        }
        switch node {
        case .scalar(let scalar):
            return OptionValue(.scalar(scalar.string), at: location)
        case .sequence(let sequence):
            var items = [OptionValue]()
            for item in sequence { items.append(try value(item, budget: &budget, locate: locate)) }
            return OptionValue(.list(items), at: location)
        case .mapping(let mapping):
            var pairs = [(key: String, value: OptionValue)]()
            for (key, item) in mapping {
                guard let name = key.scalar?.string else {
                    throw Diagnostic(at: locate(key.mark), "mapping keys must be plain words")
                }
                pairs.append((name, try value(item, budget: &budget, locate: locate)))
            }
            return OptionValue(.mapping(pairs), at: location)
        case .alias:
            throw Diagnostic(at: location, "YAML aliases are not allowed in directive options")
        }
    }

    /// The line where `key:` is written the second time at the start of a line (Yams points at
    /// the mapping instead).
    private static func repeatedKey(_ key: String, in yaml: String, file: String, firstLine: Int) -> SourceLocation? {
        var seen = false
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let indent = line.prefix { $0 == " " }.count
            guard line.dropFirst(indent).hasPrefix(key + ":") else { continue }
            if seen { return SourceLocation(file: file, line: firstLine + index, column: indent + 1) }
            seen = true
        }
        return nil
    }

    private static func diagnostic(for error: YamlError, locate: (Mark?) -> SourceLocation,
                                   locateLine: (Int, Int) -> SourceLocation) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            if problem.contains("max_nest_level") || problem.contains("max depth") {
                return Diagnostic(at: locate(mark), "invalid YAML: lists and mappings are nested too deeply here (YAML allows at most \(maximumDepth) levels); directive options need only a few")
            }
            let detail = context.map { "\(problem) (\($0.text))" } ?? problem
            return Diagnostic(at: locate(mark), "invalid YAML: \(detail)")
        case let .reader(problem, offset, value, yaml):
            // The offset counts characters from the start of the options.
            let before = offset.map { yaml.prefix($0) } ?? ""
            let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            let column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
            let location = offset == nil ? locate(nil) : locateLine(line, column)
            let what = problem.contains("control character") && value >= 0
                ? "the control character U+\(String(format: "%04X", value)) is not allowed in YAML; remove it"
                : problem
            return Diagnostic(at: location, "invalid YAML: \(what)")
        default:
            return Diagnostic(at: locate(nil), "invalid YAML: \(error)")
        }
    }
}
