import Foundation
import Testing

@Suite struct BuildCommandTests {
    @Test func buildsPagesAndFigureFromAFixtureBook() throws {
        let folder = try projectFolder(withFixture: "good")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Distillery.run(["build"], in: folder)
        #expect(result.status == 0, "stderr: \(result.standardError)")
        let output = try snapshot(of: folder.appendingPathComponent("output"))
        #expect(Set(output.keys) == [".distillery-report", "index.html", "01-intro.html", "02-more.html", "style.css", "search.js",
                                     "search-index.js", "figures/small_loss.png", "data/tables/small.csv"])
        let index = String(decoding: output["index.html"]!, as: UTF8.self)
        #expect(index.contains("<title>Fixture &amp; Friends</title>"))
        #expect(index.contains("<a href=\"01-intro.html\">Introduction</a>"))
        let chapter = String(decoding: output["01-intro.html"]!, as: UTF8.self)
        #expect(chapter.contains("<img src=\"figures/small_loss.png\" width=\"800\" height=\"500\""))
        #expect(chapter.contains("Figure 1.</span> Loss of the small &lt;network&gt;."))
        #expect(!chapter.contains("{train}"))
        let more = String(decoding: output["02-more.html"]!, as: UTF8.self)
        #expect(more.contains("<table>") && more.contains("let notADirective = true"))
        // The PNG signature, then an 1600×1000 IHDR.
        let png = [UInt8](output["figures/small_loss.png"]!)
        #expect(png.prefix(8) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(png[16..<24] == [0, 0, 0x06, 0x40, 0, 0, 0x03, 0xE8])
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let folder = try projectFolder(withFixture: "good")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("output")
        #expect(try Distillery.run(["build"], in: folder).status == 0)
        let first = try snapshot(of: output)
        #expect(try Distillery.run(["build"], in: folder).status == 0)
        #expect(try snapshot(of: output) == first)
        // Nothing is written outside the output folder and the cache.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".distillery-cache", "chapters", "output"])
    }

    /// The baseline kernel (what a machine without AVX runs) writes the same report, byte for
    /// byte, as the fastest kernel this machine has.
    @Test func everyMatrixKernelBuildsTheSameReport() throws {
        let folder = try projectFolder(withFixture: "good")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("output")
        #expect(try Distillery.run(["build"], in: folder).status == 0)
        let fastest = try snapshot(of: output)
        let portable = try Distillery.run(["build"], in: folder, environment: ["DISTILLERY_MATRIX_KERNEL": "portable"])
        #expect(portable.status == 0, "stderr: \(portable.standardError)")
        #expect(try snapshot(of: output) == fastest)
    }

    @Test func brokenChapterReportsFileLineColumnAndKeepsThePreviousReport() throws {
        let folder = try projectFolder(withFixture: "good")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Distillery.run(["build"], in: folder).status == 0)
        let before = try snapshot(of: folder.appendingPathComponent("output"))

        try install(fixture: "broken", in: folder)
        let result = try Distillery.run(["build"], in: folder)
        #expect(result.status == 1)
        #expect(result.standardError == "chapters/01-intro.md:7:1: error: unknown option 'hiden' for {train}; did you mean 'hidden'?\n")
        #expect(try snapshot(of: folder.appendingPathComponent("output")) == before)
    }

    @Test func checkFindsTheSameMistakeWithoutRunning() throws {
        let folder = try projectFolder(withFixture: "broken")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Distillery.run(["check"], in: folder)
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("chapters/01-intro.md:7:1: error: unknown option 'hiden'"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("output").path))
    }

    @Test func missingChaptersFolderIsAnError() throws {
        let folder = try projectFolder(withFixture: "good")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Distillery.run(["build", "--chapters", "nowhere"], in: folder)
        #expect(result.status == 1)
        #expect(result.standardError == "error: chapters folder 'nowhere' does not exist\n")
    }
}
