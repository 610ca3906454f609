import ArgumentParser
import Foundation

/// Where the chapters are; shared by the commands that read a book.
struct BookOptions: ParsableArguments {
    @Option(help: "Folder holding the chapters (*.md) and book.yml.")
    var chapters = "chapters"

    var chaptersURL: URL { URL(fileURLWithPath: chapters) }
    /// The project root: data paths in directives are relative to it (the chapters' parent).
    var projectURL: URL { chaptersURL.standardizedFileURL.deletingLastPathComponent() }
}
