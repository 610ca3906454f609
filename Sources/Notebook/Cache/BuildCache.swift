import Foundation

/// The cache as one build uses it: every directive's keys, the previous build's key parts
/// (to say why a directive reruns), and the store.
public final class BuildCache: @unchecked Sendable {
    public let store: CacheStore
    public let keys: [String: CacheKey]
    private let previous: [String: KeyParts]

    public init(plan: BuildPlan, files: ProjectFiles, fingerprints: CodeFingerprints) {
        store = CacheStore(projectDirectory: files.projectDirectory)
        keys = CacheKey.keys(for: plan, files: files, fingerprints: fingerprints)
        previous = store.previousKeys()
    }

    enum Lookup {
        case hit(DirectiveResult)
        case miss([String])
    }

    func result(of name: String) -> Lookup {
        guard let key = keys[name] else { return .miss(["no key"]) }
        switch store.load(.results, key: key.result, what: "'\(name)'") {
        case .hit(let bytes):
            if let result = try? ResultArchive.decode(bytes) { return .hit(result) }
            return .miss(["cache entry unreadable"])
        case .damaged(let problem):
            return .miss(["cache entry damaged: \(problem)"])
        case .missing:
            return .miss(CacheKey.reasons(key.parts, before: previous[name]))
        }
    }

    func store(_ result: DirectiveResult, of name: String) {
        guard let key = keys[name], let bytes = try? ResultArchive.encode(result) else { return }
        store.store(.results, key: key.result, payload: bytes)
    }

    func computations(of name: String) -> Computations? {
        keys[name].map { Computations(store: store, computeKey: $0.compute, owner: "'\(name)'") }
    }

    /// Records this build's key parts for the next build's reasons.
    func finish() {
        store.saveKeys(keys.mapValues(\.parts))
    }
}

extension BuildCache {
    /// What `build --explain NAME` prints: the parts of the directive's keys, and whether its
    /// result is in the cache. Nil when no directive has that name.
    public func explanation(of name: String) -> String? {
        guard let key = keys[name] else { return nil }
        let parts = key.parts
        func list(_ map: [String: String]) -> String {
            map.isEmpty ? "    (none)\n" : map.keys.sorted().map { "    \($0): \(map[$0]!)\n" }.joined()
        }
        func indented(_ text: String) -> String {
            text.isEmpty ? "    (none)\n" : text.split(separator: "\n").map { "    \($0)\n" }.joined()
        }
        let state: String = switch result(of: name) {
        case .hit: "cached"
        case .miss(let reasons): "not cached (\(reasons.joined(separator: ", ")))"
        }
        return """
        {\(parts.kind)} \(name): \(state)
          compute key: \(key.compute)
          result key:  \(key.result)
          options that decide what is computed:
        \(indented(parts.options))  options that decide how it is shown:
        \(indented(parts.presentation))  directives it uses (their compute keys):
        \(list(parts.dependencies))  files it reads (SHA-256):
        \(list(parts.files))  code that computes it (module fingerprints):
        \(list(parts.computeCode))  code that draws it:
        \(list(parts.renderCode))
        """
    }
}
