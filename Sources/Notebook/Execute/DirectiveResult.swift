/// What running a directive produced: a value other directives can use (a trained model, …),
/// the blocks the report shows in its place, and the values prose may quote.
public struct DirectiveResult: Sendable {
    public let value: (any Sendable)?
    public let blocks: [OutputBlock]
    /// Inline values by field path, as the directive's `fields` declared them.
    public let fields: [String: InlineValue]

    public init(value: (any Sendable)? = nil, blocks: [OutputBlock], fields: [String: InlineValue] = [:]) {
        self.value = value
        self.blocks = blocks
        self.fields = fields
    }
}
