import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A file swapped between a regular file and a link out of the project while builds read it:
/// what a build publishes comes only from inside the project (the check and the read are one
/// open descriptor, not two looks at the path).
@Suite struct ProjectReadRaceTests {
    @Test func aFileSwappedForALinkOutsideIsNeverPublished() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("distillery-race-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let project = base.appendingPathComponent("project"), data = project.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: project.appendingPathComponent("chapters"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try "# Race\n\n```{dataset} d\ndata: data/race.csv\nlabel: kind\n```\n"
            .write(to: project.appendingPathComponent("chapters/01-race.md"), atomically: true, encoding: .utf8)
        let rows = (0..<12).map { "\($0),\($0 % 3)" }
        let inside = "a,b,kind\n" + rows.map { "\($0),inside\($0.last!)" }.joined(separator: "\n") + "\n"
        let secret = "a,b,kind\n" + rows.map { "\($0),SECRET\($0.last!)" }.joined(separator: "\n") + "\n"
        try secret.write(to: base.appendingPathComponent("secret.csv"), atomically: true, encoding: .utf8)
        try inside.write(to: data.appendingPathComponent("race.csv"), atomically: true, encoding: .utf8)

        // Swaps data/race.csv between the two, each time by one atomic rename.
        let stop = Stopper()
        let swapper = Thread {
            var round = 0
            while !stop.isSet {
                let temporary = data.appendingPathComponent(".swap-\(round)").path
                if round % 2 == 0 {
                    _ = symlink("../../secret.csv", temporary)
                } else {
                    _ = FileManager.default.createFile(atPath: temporary, contents: Data(inside.utf8))
                }
                _ = rename(temporary, data.appendingPathComponent("race.csv").path)
                round += 1
            }
        }
        swapper.start()
        defer { stop.set() }
        var built = 0, refused = 0
        for _ in 0..<80 {
            let result = try Distillery.run(["build", "--no-cache", "--quiet"], in: project)
            if result.status == 0 {
                built += 1
                let pages = try snapshot(of: project.appendingPathComponent("output")).values.map { String(decoding: $0, as: UTF8.self) }
                #expect(!pages.contains { $0.contains("SECRET") }, "a build published the file outside the project")
            } else {
                refused += 1
                #expect(result.standardError.contains("leads outside the project") || result.standardError.contains("no such file"),
                        "\(result.standardError)")
            }
        }
        stop.set()
        #expect(built + refused == 80)
    }
}

/// A flag one thread sets and another reads.
final class Stopper: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return flag }
    func set() { lock.lock(); flag = true; lock.unlock() }
}
