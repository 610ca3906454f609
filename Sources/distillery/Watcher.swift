import Foundation
import Notebook

/// `build --watch`: notices when a chapter, `book.yml`, or a data or weights file the book
/// names changes (size or modification time), by looking twice a second.
struct Watcher {
    let book: BookOptions
    private var last: [String: [FileAttributeKey: AnyHashable]] = [:]

    init(book: BookOptions) {
        self.book = book
        last = snapshot()
    }

    /// Blocks until something watched changes.
    mutating func waitForChange() {
        while true {
            Thread.sleep(forTimeInterval: 0.5)
            let now = snapshot()
            if now != last {
                last = now
                Thread.sleep(forTimeInterval: 0.1)  // let an editor finish writing
                return
            }
        }
    }

    /// Size and modification time of every watched file.
    private func snapshot() -> [String: [FileAttributeKey: AnyHashable]] {
        var paths = ((try? FileManager.default.contentsOfDirectory(atPath: book.chaptersURL.path)) ?? [])
            .map { book.chaptersURL.appendingPathComponent($0).path }
        if let plan = try? Pipeline.plan(try Pipeline.load(book)) {
            paths += plan.steps.flatMap(\.options.filePaths).map { book.projectURL.appendingPathComponent($0).path }
        }
        var state = [String: [FileAttributeKey: AnyHashable]]()
        for path in paths {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { continue }
            state[path] = [.size: attributes[.size] as? Int, .modificationDate: attributes[.modificationDate] as? Date]
        }
        return state
    }
}
