/// The project modules whose code a directive kind runs, by name ("DistillCore", "Charts"), for
/// cache keys: a result is reused only while the fingerprints of all of them are unchanged.
public struct CodeModules: Sendable {
    /// What computes the directive's value (training, statistics): an edit here recomputes.
    public let compute: [String]
    /// What draws its blocks from the value (charts): an edit here re-renders, recomputing nothing.
    public let render: [String]

    public init(compute: [String], render: [String] = []) {
        self.compute = compute
        self.render = render
    }
}

/// A fingerprint of each module's sources as the running binary was built (SHA-256 over its
/// files), by module name.
public struct CodeFingerprints: Sendable {
    public let modules: [String: String]

    public init(_ modules: [String: String]) {
        self.modules = modules
    }

    /// The fingerprint of `module`; a module the build did not fingerprint counts as changed
    /// on every build, so it can never give a stale result.
    func fingerprint(of module: String) -> String {
        modules[module] ?? "unknown"
    }
}
