import Dispatch
import Foundation
import Notebook
import Report
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C (SIGINT) and SIGTERM during a build: say what was interrupted and exit at once —
/// 130 and 143, as shells expect — even mid-epoch. Nothing needs undoing: the output folder is
/// only ever replaced by a rename, which the exit waits for if it has begun, and cache entries
/// appear by rename too.
enum Interruption {
    /// Blocks SIGINT and SIGTERM in this thread and every thread started after it, and waits
    /// for them on a thread of its own: the training threads can keep every core busy without
    /// delaying the exit. Call before any other thread starts.
    static func install(progress: LiveProgress) {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        let waited = signals
        let waiter = Thread {
            var set = waited
            var received: Int32 = 0
            sigwait(&set, &received)
            let running = progress.runningNames
            progress.clear()
            let what = running.isEmpty ? "" : " while running \(running.joined(separator: ", "))"
            OutputWriter.swapLock.lock()  // never exit between the two renames of a swap
            let report = OutputWriter.published ? "the new report was already written" : "the previous report is unchanged"
            FileHandle.standardError.write(Data("\ninterrupted\(what); \(report)\n".utf8))
            fflush(nil)  // what was printed so far reaches a pipe too (nil: every stream)
            _exit(received == SIGINT ? 130 : 143)
        }
        waiter.start()
    }
}
