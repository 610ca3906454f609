import Dispatch
import Foundation

/// The build's live display: on a terminal, one line per running directive with a bar over its
/// epochs and seeds and an estimate of the time left, redrawn in place on standard error and
/// erased at the end. Not on a terminal (a CI log), it draws nothing: the summary after the
/// build is the stable record. It also knows what is running, for the message on Ctrl-C.
public final class LiveProgress: ProgressSink, @unchecked Sendable {
    private struct Work {
        var started: UInt64
        var expected = 0
        var done = 0
    }

    private let lock = NSLock()
    private var running = [String: Work]()
    private var order = [String]()
    private var drawnLines = 0
    private let isTerminal: Bool
    private var timer: DispatchSourceTimer?

    public init(drawing: Bool = isatty(STDERR_FILENO) == 1) {
        isTerminal = drawing
        guard drawing else { return }
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global())
        timer.schedule(deadline: .now() + .milliseconds(200), repeating: .milliseconds(200))
        timer.setEventHandler { [weak self] in self?.draw() }
        timer.resume()
        self.timer = timer
    }

    /// The directives running now, in the order they started.
    public var runningNames: [String] {
        lock.lock(); defer { lock.unlock() }
        return order
    }

    public func started(_ name: String) {
        lock.lock(); defer { lock.unlock() }
        running[name] = Work(started: DispatchTime.now().uptimeNanoseconds)
        order.append(name)
    }

    public func expect(_ units: Int, for name: String) {
        lock.lock(); defer { lock.unlock() }
        running[name]?.expected += units
    }

    public func advance(_ units: Int, for name: String) {
        lock.lock(); defer { lock.unlock() }
        running[name]?.done += units
    }

    public func finished(_ name: String) {
        lock.lock(); defer { lock.unlock() }
        running[name] = nil
        order.removeAll { $0 == name }
    }

    /// Erases the display, before the build's own output (`--watch` draws again for the next
    /// build; with nothing running, nothing is drawn).
    public func clear() {
        lock.lock(); defer { lock.unlock() }
        erase()
    }

    private func draw() {
        lock.lock(); defer { lock.unlock() }
        let now = DispatchTime.now().uptimeNanoseconds
        let width = order.map(\.count).max() ?? 0
        let lines = order.compactMap { name -> String? in
            guard let work = running[name] else { return nil }
            return "  " + name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + Self.describe(work, now: now)
        }
        erase()
        guard !lines.isEmpty else { return }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        drawnLines = lines.count
    }

    /// "[#######-------------]  35%  4 s left", or the time so far when the work is unknown.
    private static func describe(_ work: Work, now: UInt64) -> String {
        let elapsed = Double(now - work.started) / 1e9
        guard work.expected > 0 else { return "running \(Int(elapsed)) s" }
        let fraction = min(1, Double(work.done) / Double(work.expected))
        let filled = Int((fraction * 20).rounded(.down))
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: 20 - filled) + "]"
        let percent = String(Int((fraction * 100).rounded(.down))).leftPadded(to: 3)
        let left = fraction > 0.02 ? "\(Int((elapsed / fraction - elapsed).rounded(.up))) s left" : "estimating"
        return "\(bar) \(percent)%  \(left)"
    }

    /// Called with the lock held: moves up over the lines drawn last and clears them.
    private func erase() {
        guard isTerminal, drawnLines > 0 else { return }
        FileHandle.standardError.write(Data(String(repeating: "\u{1B}[1A\u{1B}[2K", count: drawnLines).utf8))
        drawnLines = 0
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
