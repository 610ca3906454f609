/// Where running directives report how far they are: started, how many units of work they
/// have (an epoch of one seed is one unit), units done, finished. Called from several threads.
public protocol ProgressSink: AnyObject, Sendable {
    func started(_ name: String)
    func expect(_ units: Int, for name: String)
    func advance(_ units: Int, for name: String)
    func finished(_ name: String)
}

/// A directive's handle on the build's progress display.
public struct WorkProgress: Sendable {
    let name: String
    let sink: (any ProgressSink)?

    /// Announces `units` more units of work (call before starting them).
    public func expect(_ units: Int) { sink?.expect(units, for: name) }

    /// Reports `units` units of work done.
    public func advance(_ units: Int = 1) { sink?.advance(units, for: name) }
}
