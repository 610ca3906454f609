/// The directive kinds a build knows, by name.
public struct DirectiveRegistry: Sendable {
    public let kinds: [String: any Directive.Type]

    public init(_ types: [any Directive.Type]) {
        kinds = Dictionary(uniqueKeysWithValues: types.map { ($0.kind, $0) })
    }

    /// Reads an invocation's options against its kind's schema and builds the directive;
    /// errors carry their location.
    func instantiate(_ invocation: DirectiveInvocation) throws -> (any Directive, DirectiveOptions) {
        guard let type = kinds[invocation.kind] else {
            throw Diagnostic(at: invocation.location,
                             "unknown directive kind '{\(invocation.kind)}'\(didYouMean(invocation.kind, among: kinds.keys.sorted()))")
        }
        let options = try DirectiveOptions(yaml: invocation.yaml, file: invocation.location.file,
                                           firstLine: invocation.bodyFirstLine, subject: "{\(invocation.kind)}",
                                           schema: type.schema, owner: invocation.location)
        return (try type.init(name: invocation.name, options: options), options)
    }
}
