import Foundation
import Testing

/// The cache, end to end through the CLI: what reruns after each kind of change, and that a
/// report built from the cache is byte-identical to one built without it.
@Suite struct CacheTests {
    static let first = """
    # Flowers

    Some prose about flowers.

    ```{dataset} flowers
    data: data/flowers.csv
    label: species
    test_fraction: 0.25
    ```

    ```{train} teacher
    data: flowers
    hidden: [6]
    epochs: 20
    lr: 0.05
    seeds: 2
    ```

    ```{plot} curves
    runs: [teacher]
    ```

    """
    static let second = """
    # Students

    The teacher reaches {{ teacher.test_accuracy | percent }}.

    ```{distill} student
    teacher: teacher
    hidden: [3]
    epochs: 20
    lr: 0.05
    seeds: 2
    ```

    ```{table} comparison
    runs: [teacher, student]
    ```

    """

    /// Two chapters over a small CSV of four features and three classes.
    func project() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("distillery-cache-\(UUID().uuidString)")
        let chapters = folder.appendingPathComponent("chapters"), data = folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: chapters, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try Self.first.write(to: chapters.appendingPathComponent("01-flowers.md"), atomically: true, encoding: .utf8)
        try Self.second.write(to: chapters.appendingPathComponent("02-students.md"), atomically: true, encoding: .utf8)
        try csv().write(to: data.appendingPathComponent("flowers.csv"), atomically: true, encoding: .utf8)
        return folder
    }

    func csv(shift: Double = 0) -> String {
        var rows = ["a,b,c,d,species"]
        for index in 0..<48 {
            let species = ["red", "green", "blue"][index % 3]
            let center = Double(index % 3) + shift
            let wobble = Double((index * 7) % 5) / 10
            rows.append("\(center + wobble),\(center - wobble),\(wobble),\(center * 2),\(species)")
        }
        return rows.joined(separator: "\n") + "\n"
    }

    /// Builds and returns the names of the directives that ran (or reran for a value), the
    /// log and the report's files.
    @discardableResult
    func build(_ folder: URL, _ arguments: [String] = [], environment: [String: String] = [:]) throws
        -> (ran: Set<String>, log: String, output: [String: Data]) {
        let result = try Distillery.run(["build"] + arguments, in: folder, environment: environment)
        #expect(result.status == 0, "stderr: \(result.standardError)")
        let ran = result.standardOutput.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            guard words.count >= 2, words[0] == "ran" || words[0] == "reloaded" else { return nil }
            return String(words[1])
        }
        return (Set(ran), result.standardOutput + result.standardError, try snapshot(of: folder.appendingPathComponent("output")))
    }

    func edit(_ folder: URL, _ file: String, _ change: (String) -> String) throws {
        let url = folder.appendingPathComponent(file)
        try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
    }

    @Test func noChangeRunsNothingAndTheReportIsIdenticalToAnUncachedOne() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cold = try build(folder)
        #expect(cold.ran == ["flowers", "teacher", "curves", "student", "comparison"])
        #expect(cold.log.contains("4 computations not in the cache"), "2 teacher and 2 student networks: \(cold.log)")
        let warm = try build(folder)
        #expect(warm.ran.isEmpty, "\(warm.log)")
        #expect(warm.log.contains("0 of 5 directives ran, 5 from the cache"))
        #expect(warm.output == cold.output)
        let uncached = try build(folder, ["--no-cache"])
        #expect(uncached.ran.count == 5)
        #expect(uncached.output == warm.output)
    }

    @Test func proseEditRerendersOnlyThatChapter() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try build(folder)
        try edit(folder, "chapters/02-students.md") { $0.replacingOccurrences(of: "The teacher reaches", with: "Our teacher reaches") }
        let after = try build(folder)
        #expect(after.ran.isEmpty, "\(after.log)")
        let changed = Set(after.output.keys.filter { after.output[$0] != before.output[$0] })
        #expect(changed == ["02-students.html", "search-index.js"])
    }

    @Test func optionChangeRerunsTheDirectiveAndItsDependentsOnly() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        try build(folder)
        try edit(folder, "chapters/02-students.md") { $0.replacingOccurrences(of: "hidden: [3]", with: "hidden: [4]") }
        let after = try build(folder)
        // The student reruns with the teacher's value rebuilt from stored networks; nothing
        // the student does not feed reruns.
        #expect(after.ran == ["student", "comparison", "teacher", "flowers"], "\(after.log)")
        #expect(after.log.contains("student") && after.log.contains("(options changed)"))
        #expect(after.log.contains("2 computations not in the cache"), "only the two student networks train: \(after.log)")
        // A caption is presentation: the figure is redrawn, nothing trains.
        try edit(folder, "chapters/01-flowers.md") { $0.replacingOccurrences(of: "runs: [teacher]", with: "runs: [teacher]\ncaption: Curves.") }
        let captioned = try build(folder)
        #expect(captioned.ran == ["curves", "teacher", "flowers"], "\(captioned.log)")
        #expect(captioned.log.contains("caption or size changed"))
        #expect(captioned.log.contains("0 computations not in the cache"))
    }

    @Test func codeEditsRerunWhatRunsThatCode() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try build(folder)
        // An edit under Sources/Charts/: figures are redrawn, nothing trains.
        let charts = try build(folder, environment: ["DISTILLERY_FINGERPRINTS": "Charts=edited"])
        #expect(charts.ran == ["curves", "teacher", "flowers"], "\(charts.log)")
        #expect(charts.log.contains("Charts changed"))
        #expect(charts.log.contains("0 computations not in the cache"))
        #expect(charts.output == before.output)
        // An edit under Sources/DistillCore/: everything that trains retrains.
        let core = try build(folder, environment: ["DISTILLERY_FINGERPRINTS": "Charts=edited,DistillCore=edited"])
        #expect(core.ran.count == 5)
        #expect(core.log.contains("DistillCore changed"))
        #expect(core.log.contains("4 computations not in the cache"))
        #expect(core.output == before.output)
    }

    @Test func editedDataFileRerunsWhatReadsIt() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        try build(folder)
        try csv(shift: 0.5).write(to: folder.appendingPathComponent("data/flowers.csv"), atomically: true, encoding: .utf8)
        let after = try build(folder)
        #expect(after.ran.count == 5, "\(after.log)")
        #expect(after.log.contains("data/flowers.csv changed"))
    }

    @Test func damagedEntriesAreReportedAndRecomputed() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try build(folder)
        let cache = folder.appendingPathComponent(".distillery-cache")
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent("results").path).sorted()
        #expect(entries.count == 5)
        // Flip a byte in one entry, truncate a second, replace a third with another's bytes.
        func url(_ index: Int) -> URL { cache.appendingPathComponent("results").appendingPathComponent(entries[index]) }
        var flipped = try Data(contentsOf: url(0))
        flipped[flipped.count - 3] ^= 0x40
        try flipped.write(to: url(0))
        try Data(try Data(contentsOf: url(1)).dropLast(10)).write(to: url(1))
        try Data(contentsOf: url(3)).write(to: url(2))
        let after = try build(folder)
        #expect(after.log.components(separatedBy: "is damaged").count - 1 == 3, "\(after.log)")
        #expect(after.log.contains("checksum mismatch") && after.log.contains("truncated") && after.log.contains("another key"), "\(after.log)")
        #expect(after.output == before.output)
        #expect(try build(folder).ran.isEmpty, "the recomputed entries were stored again")
    }

    @Test func cleanRemovesTheCacheAndNothingElse() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        try build(folder)
        let before = try snapshot(of: folder).filter { !$0.key.hasPrefix(".distillery-cache/") }
        let result = try Distillery.run(["clean"], in: folder)
        #expect(result.status == 0 && result.standardOutput.contains("Removed .distillery-cache/"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".distillery-cache").path))
        #expect(try snapshot(of: folder) == before)
        #expect(try build(folder).ran.count == 5)
    }
}
