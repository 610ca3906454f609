import Foundation
import Notebook

/// `build --watch`: notices when a chapter, `book.yml`, or a data or weights file the book
/// names changes (size or modification time), by looking twice a second. The book is parsed
/// for the files it names once per change, not on every look.
struct Watcher {
    private struct Stamp: Equatable {
        let size: Int?
        let modified: Date?
    }

    let book: BookOptions
    /// The data and weights files the book's directives name, as of the last change.
    private var namedFiles: [String]
    private var last: [String: Stamp] = [:]

    init(book: BookOptions) {
        self.book = book
        namedFiles = Self.namedFiles(of: book)
        last = snapshot()
    }

    /// Blocks until something watched changes.
    mutating func waitForChange() {
        while true {
            Thread.sleep(forTimeInterval: 0.5)
            let now = snapshot()
            if now != last {
                Thread.sleep(forTimeInterval: 0.1)  // let an editor finish writing
                namedFiles = Self.namedFiles(of: book)
                last = snapshot()
                return
            }
        }
    }

    private static func namedFiles(of book: BookOptions) -> [String] {
        guard let plan = try? Pipeline.plan(try Pipeline.load(book).parsed) else { return [] }
        return plan.steps.flatMap(\.options.filePaths).map { book.projectURL.appendingPathComponent($0).path }
    }

    /// Size and modification time of every chapter-folder file and named file.
    private func snapshot() -> [String: Stamp] {
        let chapterFiles = ((try? FileManager.default.contentsOfDirectory(atPath: book.chaptersURL.path)) ?? [])
            .map { book.chaptersURL.appendingPathComponent($0).path }
        var state = [String: Stamp]()
        for path in chapterFiles + namedFiles {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { continue }
            state[path] = Stamp(size: (attributes[.size] as? NSNumber)?.intValue, modified: attributes[.modificationDate] as? Date)
        }
        return state
    }
}
