import Dispatch
import Foundation

/// Runs one independent job per seed on several threads. Each job owns all its random streams
/// (they derive from its seed) and results are stored by seed position, so the output is the
/// same whatever the number of threads or the order in which jobs finish.
public enum SeedRunner {
    /// Available cores, the default thread count.
    public static var defaultThreadCount: Int { ProcessInfo.processInfo.activeProcessorCount }

    public static func run<Output: Sendable>(seeds: [UInt64], threads: Int = defaultThreadCount,
                                             _ job: @Sendable (UInt64) throws -> Output) throws -> [Output] {
        let slots = ResultSlots<Output>(count: seeds.count)
        let workers = max(1, min(threads, seeds.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = slots.claimNext() {
                slots.store(Result { try job(seeds[index]) }, at: index)
            }
        }
        return try slots.results()
    }
}

/// Thread-safe storage for the jobs' results, and the counter that hands out the next job.
private final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var slots: [Result<Value, any Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func claimNext() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < slots.count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ result: Result<Value, any Error>, at index: Int) {
        lock.lock(); defer { lock.unlock() }
        slots[index] = result
    }

    /// The values in seed order; the error of the first failing seed (by position), if any.
    func results() throws -> [Value] {
        lock.lock(); defer { lock.unlock() }
        return try slots.map { try $0!.get() }
    }
}
