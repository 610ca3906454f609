import Foundation
import Testing

/// A build only ever replaces a report it wrote: the user's own folders survive any `--output`.
@Suite struct OutputSafetyTests {
    /// Builds with `--output target` and expects a refusal that leaves the project as it was.
    func expectRefusal(_ target: String, in folder: URL, mentioning words: String) throws {
        let before = try snapshot(of: folder)
        let result = try Distillery.run(["build", "--output", target], in: folder)
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("error: refusing to "), "stderr: \(result.standardError)")
        #expect(result.standardError.contains(words), "stderr: \(result.standardError)")
        #expect(try snapshot(of: folder) == before)
    }

    @Test func refusesTheChaptersFolder() throws {
        let folder = try projectFolder(withFixture: "good")
        defer { try? FileManager.default.removeItem(at: folder) }
        try expectRefusal("chapters", in: folder, mentioning: "holds the book's own files")
        try expectRefusal("chapters/", in: folder, mentioning: "holds the book's own files")
    }

    @Test func refusesTheProjectFolderAndItsParents() throws {
        let folder = try projectFolder(withFixture: "good")
        defer { try? FileManager.default.removeItem(at: folder) }
        try expectRefusal(".", in: folder, mentioning: "holds the book's own files")
        try expectRefusal("..", in: folder, mentioning: "holds the book's own files")
        try expectRefusal(folder.path, in: folder, mentioning: "holds the book's own files")
    }

    @Test func refusesAFileAndAFolderThatHoldsNoReport() throws {
        let folder = try projectFolder(withFixture: "good")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("notes".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        try expectRefusal("notes.txt", in: folder, mentioning: "is a file, not a folder")
        let photos = folder.appendingPathComponent("photos")
        try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
        try Data([1, 2, 3]).write(to: photos.appendingPathComponent("cat.jpg"))
        try expectRefusal("photos", in: folder, mentioning: "holds no report written by distillery")
    }

    @Test func refusesASymbolicLink() throws {
        let folder = try projectFolder(withFixture: "good")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link").path, withDestinationPath: "chapters")
        try expectRefusal("link", in: folder, mentioning: "holds the book's own files")
        let elsewhere = folder.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link2").path, withDestinationPath: "elsewhere")
        try expectRefusal("link2", in: folder, mentioning: "symbolic link")
    }

    @Test func writesIntoAnEmptyFolderAndReplacesItsOwnReport() throws {
        let folder = try projectFolder(withFixture: "good")
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        #expect(try Distillery.run(["build", "--output", "site"], in: folder).status == 0)
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(".distillery-report").path))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("index.html").path))
        let second = try Distillery.run(["build", "--output", "site"], in: folder)
        #expect(second.status == 0, "stderr: \(second.standardError)")
    }

    @Test func aChapterNamedLikeAGeneratedPageIsAnError() throws {
        let folder = try projectFolder(withFixture: "good")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Distillery.run(["build"], in: folder).status == 0)
        let before = try snapshot(of: folder.appendingPathComponent("output"))
        try Data("# Welcome\n".utf8).write(to: folder.appendingPathComponent("chapters/index.md"))
        let result = try Distillery.run(["build"], in: folder)
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("chapters/index.md:1:1: error: a chapter cannot be named 'index.md'"),
                "stderr: \(result.standardError)")
        #expect(try snapshot(of: folder.appendingPathComponent("output")) == before)
        #expect(try Distillery.run(["check"], in: folder).status == 1)
    }
}
