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
        guard !markdownNames.isEmpty else {
            throw Diagnostic(at: nil, "no chapters (*.md files) in '\(displayPrefix)'")
        }
        let chapters = try markdownNames.map { name in
            let displayPath = (displayPrefix as NSString).appendingPathComponent(name)
            let data = try readFile(folder.appendingPathComponent(name), displayPath: displayPath)
            guard let source = String(data: data, encoding: .utf8) else {
                throw Diagnostic(at: SourceLocation(file: displayPath, line: 1), "the file is not valid UTF-8")
            }
            return Chapter(displayPath: displayPath, slug: String(name.dropLast(3)), source: source)
        }
        let settingsPath = (displayPrefix as NSString).appendingPathComponent(settingsFileName)
        let settingsURL = folder.appendingPathComponent(settingsFileName)
        let settings = FileManager.default.fileExists(atPath: settingsURL.path)
            ? try parseSettings(readFile(settingsURL, displayPath: settingsPath), displayPath: settingsPath)
            : BookSettings()
        return Book(settings: settings, chapters: chapters)
    }

    private static func readFile(_ url: URL, displayPath: String) throws -> Data {
        do { return try Data(contentsOf: url) } catch {
            throw Diagnostic(at: nil, "cannot read '\(displayPath)': \(error.localizedDescription)")
        }
    }

    static func parseSettings(_ data: Data, displayPath: String) throws -> BookSettings {
        let text = String(decoding: data, as: UTF8.self)
        let options = try DirectiveOptions(yaml: text, file: displayPath, firstLine: 1, subject: "book.yml",
                                           schema: BookSettings.schema)
        return BookSettings(title: options.get("title"), subtitle: options.optional("subtitle"),
                            authors: options.optional("authors") ?? [], abstract: options.optional("abstract"))
    }
}
