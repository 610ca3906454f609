import Foundation

/// What a running directive may see: the results of the directives it declared as
/// dependencies (and nothing else), and the project folder that relative paths are resolved
/// against.
public struct ExecutionContext: Sendable {
    let results: [String: DirectiveResult]
    let kinds: [String: String]
    public let projectDirectory: URL

    /// The value produced by directive `name`, which must be of type `T`;
    /// `expected` says what was wanted, for the error message ("a training run").
    public func value<T>(of name: String, as type: T.Type, expected: String) throws -> T {
        guard let result = results[name] else {
            throw ExecutionError("'\(name)' is not among this directive's declared dependencies")
        }
        guard let value = result.value as? T else {
            throw ExecutionError("'\(name)' is a {\(kinds[name] ?? "?")} directive, but \(expected) is needed here")
        }
        return value
    }
}

/// A failure while running a directive; the executor adds the directive's location.
public struct ExecutionError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
