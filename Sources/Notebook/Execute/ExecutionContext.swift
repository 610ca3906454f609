import Foundation

/// What a running directive may see: the results of the directives it declared as
/// dependencies (and nothing else), the project files it names (read once per build, through
/// `files`), and the cache for its expensive computations.
public struct ExecutionContext: Sendable {
    let results: [String: DirectiveResult]
    let kinds: [String: String]
    /// The project's files, each read once and checked (inside the project, a regular file).
    public let files: ProjectFiles
    let computations: Computations?
    /// Where to report how far the directive is (epochs of training), for the live display.
    public let progress: WorkProgress
    /// The most floating-point operations one directive may spend training (`book.yml`'s
    /// `training_budget_tflop`): a mistaken option cannot keep the machine busy for hours.
    public let trainingBudget: Double

    init(results: [String: DirectiveResult], kinds: [String: String], files: ProjectFiles, computations: Computations? = nil,
         progress: WorkProgress, trainingBudget: Double) {
        self.results = results
        self.kinds = kinds
        self.files = files
        self.computations = computations
        self.progress = progress
        self.trainingBudget = trainingBudget
    }

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

    /// `compute()`, or its earlier result from the cache: for the expensive parts of a directive
    /// (training one network). `label` tells the directive's computations apart ("seed 3");
    /// the directive's compute key covers everything else, so the stored bytes must be exactly
    /// what `compute` would give. Safe to call from several threads.
    public func memo<T>(_ label: String, encode: (T) -> [UInt8], decode: ([UInt8]) throws -> T,
                        compute: () throws -> T) throws -> T {
        guard let computations else { return try compute() }
        return try computations.memo(label, encode: encode, decode: decode, compute: compute)
    }
}

/// A failure while running a directive; the executor adds the directive's location.
public struct ExecutionError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
