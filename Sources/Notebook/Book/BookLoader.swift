import Foundation
import Yams

/// Reads a book from a folder: every `*.md` file in file-name order, and `book.yml` if present.
public enum BookLoader {
    public static let settingsFileName = "book.yml"

    /// - Parameter displayPrefix: how the folder is named in diagnostics (as the user typed it).
    public static func load(from folder: URL, displayPrefix: String) throws -> Book {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Diagnostic(at: nil, "chapters folder '\(displayPrefix)' does not exist")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let markdownNames = names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted()
        // The file system gives names as bytes; one that is not UTF-8 comes back with U+FFFD in
        // place of its bad bytes, a name no file has.
        if let garbled = markdownNames.first(where: { $0.unicodeScalars.contains("\u{FFFD}")
            && (try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent($0).path)) == nil }) {
            throw Diagnostic(at: nil, "a chapter's file name in '\(displayPrefix)' is not valid UTF-8 ('\(garbled)', bad bytes shown as \u{FFFD}); rename the file")
        }
        guard !markdownNames.isEmpty else {
            throw Diagnostic(at: nil, "no chapters (*.md files) in '\(displayPrefix)'")
        }
        let chapters = try markdownNames.map { name in
            let displayPath = (displayPrefix as NSString).appendingPathComponent(name)
            let bytes = try readFile(name, in: folder)
            guard let source = String(validating: bytes, as: UTF8.self) else {
                throw Diagnostic(at: TextCheck.firstInvalidUTF8(bytes, file: displayPath), "the file is not valid UTF-8")
            }
            if let nul = TextCheck.firstNUL(source, file: displayPath) {
                throw Diagnostic(at: nul, "a NUL byte: this is not a text file")
            }
            guard !source.allSatisfy(\.isWhitespace) else {
                throw Diagnostic(at: SourceLocation(file: displayPath, line: 1), "the chapter is empty; give it at least a title (# Title), or remove the file")
            }
            return Chapter(displayPath: displayPath, slug: String(name.dropLast(3)), source: source)
        }
        let settingsPath = (displayPrefix as NSString).appendingPathComponent(settingsFileName)
        let settingsURL = folder.appendingPathComponent(settingsFileName)
        let settings = (try? FileManager.default.attributesOfItem(atPath: settingsURL.path)) != nil
            ? try parseSettings(Data(readFile(settingsFileName, in: folder)), displayPath: settingsPath)
            : BookSettings()
        return Book(settings: settings, chapters: chapters)
    }

    /// A file of the chapters folder, read as any project file is: a regular file, inside the
    /// project (the folder's parent) even through symbolic links, of a bounded size.
    private static func readFile(_ name: String, in folder: URL) throws -> [UInt8] {
        let project = folder.standardizedFileURL.deletingLastPathComponent()
        do {
            return try ProjectPath.read(folder.standardizedFileURL.lastPathComponent + "/" + name, in: project)
        } catch let error as ExecutionError {
            throw Diagnostic(at: nil, error.description)
        }
    }

    static func parseSettings(_ data: Data, displayPath: String) throws -> BookSettings {
        let text = String(decoding: data, as: UTF8.self)
        let options = try DirectiveOptions(yaml: text, file: displayPath, firstLine: 1, subject: "book.yml",
                                           schema: BookSettings.schema)
        return BookSettings(title: options.get("title"), subtitle: options.optional("subtitle"),
                            authors: options.optional("authors") ?? [], abstract: options.optional("abstract"),
                            trainingBudgetTFLOP: options.get("training_budget_tflop"))
    }
}
