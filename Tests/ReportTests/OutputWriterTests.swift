import Foundation
import Testing
@testable import Report
import Notebook

@Suite struct OutputWriterTests {
    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func replacesTheWholeFolder() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("output")
        try OutputWriter.replace(output, with: [OutputFile(path: "old.html", text: "old")])
        try OutputWriter.replace(output, with: [OutputFile(path: "figures/a.png", bytes: [1]), OutputFile(path: "index.html", text: "new")])
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).sorted() == [".distillery-report", "figures", "index.html"])
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["output"])
    }

    @Test func anUnchangedReportIsNotRewrittenAndAChangedOneIs() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("output")
        let files = [OutputFile(path: "index.html", text: "same"), OutputFile(path: "figures/a.png", bytes: [1, 2])]
        try OutputWriter.replace(output, with: files)
        let inode = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("index.html").path)[.systemFileNumber] as? Int
        try OutputWriter.replace(output, with: files)
        #expect(try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("index.html").path)[.systemFileNumber] as? Int == inode)
        try OutputWriter.replace(output, with: [files[0], OutputFile(path: "figures/a.png", bytes: [1, 3])])
        #expect(try Data(contentsOf: output.appendingPathComponent("figures/a.png")) == Data([1, 3]))
        try OutputWriter.replace(output, with: [files[0]])
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("figures/a.png").path))
    }

    @Test func aFailedWriteLeavesThePreviousOutputIntact() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("output")
        try OutputWriter.replace(output, with: [OutputFile(path: "index.html", text: "previous")])
        // "a" is written as a file, so "a/b" cannot be created: the write fails midway.
        #expect(throws: (any Error).self) {
            try OutputWriter.replace(output, with: [OutputFile(path: "a", text: "x"), OutputFile(path: "a/b", text: "y")])
        }
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "previous")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["output"])
    }

    /// Another program deleting a file of the new report while it is written: the build checks
    /// what it wrote before publishing it, refuses, and keeps the previous report.
    @Test func aReportChangedWhileBeingWrittenIsNotPublished() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("output")
        try OutputWriter.replace(output, with: [OutputFile(path: "index.html", text: "previous")])
        let paths = ["index.html", "a.html", "b.html"]
        let files = ReportFiles(paths: paths) { index in
            if index == 2, let staging = try? FileManager.default.contentsOfDirectory(atPath: root.path).first(where: { $0.hasPrefix(".output.staging-") }) {
                try? FileManager.default.removeItem(at: root.appendingPathComponent(staging).appendingPathComponent("index.html"))
            }
            return OutputFile(path: paths[index], text: "new \(index)")
        }
        #expect(throws: Diagnostic.self) { try OutputWriter.replace(output, with: files) }
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "previous")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["output"], "the staging folder was left")
    }

    @Test func refusesAFolderItDidNotWriteAndLeavesItAlone() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let mine = root.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: mine.appendingPathComponent("thesis.tex"))
        #expect(throws: Diagnostic.self) { try OutputWriter.replace(mine, with: [OutputFile(path: "index.html", text: "x")]) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: mine.path) == ["thesis.tex"])
    }

    @Test func refusesAProtectedFolderOrOneThatContainsIt() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let chapters = root.appendingPathComponent("chapters")
        try FileManager.default.createDirectory(at: chapters, withIntermediateDirectories: true)
        // Even a folder that carries the marker is refused when it holds the book.
        try Data().write(to: chapters.appendingPathComponent(OutputWriter.markerFileName))
        #expect(throws: Diagnostic.self) { try OutputWriter.checkReplaceable(chapters, protecting: [chapters]) }
        #expect(throws: Diagnostic.self) { try OutputWriter.checkReplaceable(root, protecting: [chapters]) }
        #expect(throws: Never.self) { try OutputWriter.checkReplaceable(root.appendingPathComponent("output"), protecting: [chapters]) }
    }
}
