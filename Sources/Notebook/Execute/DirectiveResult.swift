/// What running a directive produced: a value other directives can use (a trained model, …)
/// and the blocks the report shows in its place.
public struct DirectiveResult: Sendable {
    public let value: (any Sendable)?
    public let blocks: [OutputBlock]

    public init(value: (any Sendable)? = nil, blocks: [OutputBlock]) {
        self.value = value
        self.blocks = blocks
    }
}
