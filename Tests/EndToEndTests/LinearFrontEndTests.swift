import Foundation
import Testing

/// The chapter front end is linear in a chapter's length: each shape below made it quadratic
/// (a line of 240 KB of `$x ` took 20.7 s, 720 KB of code and math 23 s, 20,000 bad inline
/// values 7.2 s). At these sizes quadratic time is many minutes and linear time about a second
/// in a debug build, so the limit of 60 s is far from both and does not depend on the machine.
@Suite struct LinearFrontEndTests {
    static let limit = 60.0

    static let shapes: [(name: String, chapter: String, status: Int32)] = [
        ("a 1.2 MB line of '$x '", "# T\n\n" + String(repeating: "$x ", count: 400_000) + "\n", 0),
        ("2 MB of code spans beside inline math", "# T\n\n" + String(repeating: String(repeating: "`c` $x$ ", count: 20) + "\n", count: 12_500) + "\n", 0),
        ("a line of 60,000 bad inline values", "# T\n\n" + String(repeating: "{{ x }} ", count: 60_000) + "\n", 1),
        ("a line of 400,000 cross-references", "# T\n\n```{train} w\ndata: iris\n```\n\n" + String(repeating: "@w ", count: 400_000) + "\n", 0),
        ("40,000 lines of display math in one paragraph", "# T\n\n" + String(repeating: "a $$ b\n", count: 40_000), 0),
    ]

    @Test(arguments: shapes.indices) func checkIsLinear(_ index: Int) throws {
        let shape = Self.shapes[index]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("distillery-linear-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("chapters"), withIntermediateDirectories: true)
        try shape.chapter.write(to: folder.appendingPathComponent("chapters/01-a.md"), atomically: true, encoding: .utf8)
        let started = Date()
        let result = try BadInputCatalogueTests().run(["check"], in: folder, base: folder, limit: Self.limit)
        let seconds = Date().timeIntervalSince(started)
        #expect(result.exited, "\(shape.name): killed after \(Int(seconds)) s (quadratic?)")
        #expect(result.status == shape.status, "\(shape.name): exit status \(result.status)")
    }
}
