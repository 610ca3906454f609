import Digest
import Foundation

/// Everything a directive's result depends on, readable: what its cache key hashes, what
/// `--explain` prints, and what is compared with the previous build to say why it reran.
public struct KeyParts: Codable, Sendable, Equatable {
    public var kind: String
    /// The options that decide what is computed, canonical (formatting, order and comments
    /// do not matter).
    public var options: String
    /// The options that only decide how it is shown (caption, size).
    public var presentation: String
    /// The compute key of each directive it uses, by name.
    public var dependencies: [String: String]
    /// SHA-256 of each project file it reads, by path.
    public var files: [String: String]
    /// Fingerprints of the modules that compute its value, and of those that draw it.
    public var computeCode: [String: String]
    public var renderCode: [String: String]
}

/// A directive's two cache keys: `compute` covers what decides its value (options, the values
/// of its dependencies, data files, training code), `result` adds what decides its blocks
/// (presentation options, chart code). Charts edits thus re-render without retraining.
public struct CacheKey: Sendable {
    public let parts: KeyParts
    public let compute: String
    public let result: String

    /// Keys for every step, dependencies first (the plan's order).
    static func keys(for plan: BuildPlan, files projectFiles: ProjectFiles, fingerprints: CodeFingerprints) -> [String: CacheKey] {
        var keys = [String: CacheKey]()
        var fileHashes = [String: String]()
        for step in plan.steps {
            let code = step.kind.code
            var files = [String: String]()
            for path in step.options.filePaths {
                if fileHashes[path] == nil {
                    fileHashes[path] = (try? projectFiles.bytes(of: path)).map { SHA256.hex($0) } ?? "unreadable"
                }
                files[path] = fileHashes[path]
            }
            let parts = KeyParts(
                kind: step.invocation.kind,
                options: step.options.canonical(excluding: CommonOptions.presentation),
                presentation: step.options.canonical(excluding: Set(step.kind.schema.map(\.name)).subtracting(CommonOptions.presentation)),
                dependencies: Dictionary(step.directive.dependencies.map { ($0.name, keys[$0.name]?.compute ?? "missing") },
                                         uniquingKeysWith: { first, _ in first }),
                files: files,
                computeCode: Dictionary(uniqueKeysWithValues: Set(code.compute).map { ($0, fingerprints.fingerprint(of: $0)) }),
                renderCode: Dictionary(uniqueKeysWithValues: Set(code.render).map { ($0, fingerprints.fingerprint(of: $0)) }))
            keys[step.invocation.name] = CacheKey(parts)
        }
        return keys
    }

    init(_ parts: KeyParts) {
        self.parts = parts
        var hasher = SHA256()
        hasher.update(field: "distillery cache key 1")
        hasher.update(field: parts.kind)
        hasher.update(field: parts.options)
        for map in [parts.dependencies, parts.files, parts.computeCode] {
            hasher.update(field: String(map.count))
            for key in map.keys.sorted() {
                hasher.update(field: key)
                hasher.update(field: map[key]!)
            }
        }
        let compute = hasher.finalize().hexString
        var result = SHA256()
        result.update(field: compute)
        result.update(field: parts.presentation)
        for key in parts.renderCode.keys.sorted() {
            result.update(field: key)
            result.update(field: parts.renderCode[key]!)
        }
        self.compute = compute
        self.result = result.finalize().hexString
    }

    /// Why a directive whose result is not in the cache has to run, against the parts it had
    /// in the previous build: "options changed", "DistillCore changed", "teacher changed".
    static func reasons(_ now: KeyParts, before: KeyParts?) -> [String] {
        guard let before else { return ["new"] }
        var reasons = [String]()
        if now.kind != before.kind || now.options != before.options { reasons.append("options changed") }
        if now.presentation != before.presentation { reasons.append("caption or size changed") }
        func changed(_ a: [String: String], _ b: [String: String]) -> [String] {
            Set(a.keys).union(b.keys).sorted().filter { a[$0] != b[$0] }
        }
        reasons += changed(now.files, before.files).map { "\($0) changed" }
        reasons += changed(now.computeCode.merging(now.renderCode) { a, _ in a },
                           before.computeCode.merging(before.renderCode) { a, _ in a }).map { "\($0) changed" }
        reasons += changed(now.dependencies, before.dependencies).map { "\($0) changed" }
        return reasons.isEmpty ? ["not in the cache"] : reasons
    }
}
