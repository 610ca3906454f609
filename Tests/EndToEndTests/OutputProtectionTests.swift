import Foundation
import Testing
import Notebook
#if canImport(Glibc)
import Glibc
#endif

/// Runs a system tool (mount, umount) and returns its exit status.
@discardableResult
func runTool(_ path: String, _ arguments: [String]) -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return -1 }
    process.waitUntilExit()
    return process.terminationStatus
}

/// The output folder and the cache under concurrent builds, `clean`, killed swaps, mounts and
/// links: a build publishes only a complete report and deletes only what it wrote.
@Suite struct OutputProtectionTests {
    static let slowBook = "# Slow\n\n```{train} slow\ndata: digits\nhidden: [64]\nepochs: 120\nlr: 0.001\nseeds: 4\n```\n"
    static let quickBook = "# Quick\n\n```{train} quick\ndata: iris\nhidden: [3]\nepochs: 5\n```\n"

    func project(_ chapter: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("distillery-protect-\(UUID().uuidString)")
        let chapters = folder.appendingPathComponent("chapters")
        try FileManager.default.createDirectory(at: chapters, withIntermediateDirectories: true)
        try chapter.write(to: chapters.appendingPathComponent("01-a.md"), atomically: true, encoding: .utf8)
        return folder
    }

    /// Whether some process holds an exclusive `flock` on `path` (a file or a folder).
    func isLocked(_ path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
            flock(descriptor, LOCK_UN)
            return false
        }
        return true
    }

    /// Waits (at most 60 s) until `condition` holds.
    func waitUntil(_ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return false
    }

    func start(_ arguments: [String], in folder: URL) throws -> (Process, Pipe) {
        let process = Process(), error = Pipe()
        process.executableURL = Distillery.executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = error
        try process.run()
        return (process, error)
    }

    /// The report is whole: its marker lists exactly the files there, and the pages are there.
    func expectCompleteReport(_ output: URL) throws {
        let files = try snapshot(of: output)
        let marker = String(decoding: try #require(files[".distillery-report"]), as: UTF8.self)
        let listed = Set(marker.split(separator: "\n").filter { !$0.contains(" ") }.map(String.init))
        #expect(listed.union([".distillery-report"]) == Set(files.keys), "the report's files differ from its marker's list")
        for page in ["index.html", "01-a.html", "style.css"] { #expect(files[page] != nil, "\(page) is missing") }
    }

    // MARK: Item 1: the lock, for clean and for two books writing one output

    @Test func cleanWaitsForARunningBuild() throws {
        let folder = try project(Self.slowBook)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (build, _) = try start(["build"], in: folder)
        let lock = folder.appendingPathComponent(".distillery-cache/build.lock").path
        try #require(waitUntil { isLocked(lock) }, "the build never took its lock")
        let (clean, cleanError) = try start(["clean"], in: folder)
        let (second, _) = try start(["build"], in: folder)
        clean.waitUntilExit()
        // The build lets go of its lock after writing its report (its process may still be printing).
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("output/.distillery-report").path),
                "clean returned before the build had written its report")
        #expect(String(decoding: cleanError.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).contains("waiting for it to finish"))
        build.waitUntilExit()
        second.waitUntilExit()
        #expect(build.terminationStatus == 0 && clean.terminationStatus == 0 && second.terminationStatus == 0)
        try expectCompleteReport(folder.appendingPathComponent("output"))
    }

    @Test func twoBooksWritingOneOutputTakeTurns() throws {
        let root = try project(Self.slowBook)
        defer { try? FileManager.default.removeItem(at: root) }
        let other = root.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other.appendingPathComponent("chapters"), withIntermediateDirectories: true)
        try Self.quickBook.write(to: other.appendingPathComponent("chapters/01-a.md"), atomically: true, encoding: .utf8)
        let (slow, _) = try start(["build", "--output", "shared"], in: root)
        try #require(waitUntil { isLocked(root.path) }, "the build never locked the output's folder")
        let (quick, quickError) = try start(["build", "--output", "../shared"], in: other)
        quick.waitUntilExit()
        // The first book's report was written before the second could write (it waited for the lock).
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(".distillery-cache/computations").path)
                && FileManager.default.fileExists(atPath: root.appendingPathComponent("shared/.distillery-report").path))
        slow.waitUntilExit()
        #expect(slow.terminationStatus == 0 && quick.terminationStatus == 0)
        let message = String(decoding: quickError.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(message.contains("Another build is writing into '../shared'; waiting"), "\(message)")
        try expectCompleteReport(root.appendingPathComponent("shared"))
        let page = try String(contentsOf: root.appendingPathComponent("shared/01-a.html"), encoding: .utf8)
        #expect(page.contains("Quick"), "the last build to finish is the report")
    }

    // MARK: Item 5: a killed swap is put back by any build or check

    @Test func aFailingBuildOrCheckPutsBackAReportMovedAside() throws {
        let folder = try project(Self.quickBook)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Distillery.run(["build"], in: folder).status == 0)
        let output = folder.appendingPathComponent("output")
        let report = try snapshot(of: output)
        let aside = folder.appendingPathComponent(".output.previous-999999-killed")
        for command in [["build"], ["check"]] {
            // SIGKILL between the two renames: the report moved aside, the new one not yet in.
            try FileManager.default.moveItem(at: output, to: aside)
            try "# Broken\n\n```{trian} x\n```\n".write(to: folder.appendingPathComponent("chapters/01-a.md"), atomically: true, encoding: .utf8)
            let result = try Distillery.run(command, in: folder)
            #expect(result.status == 1, "\(command): \(result.standardError)")
            #expect(try snapshot(of: output) == report, "\(command) did not put the report back")
            #expect(!FileManager.default.fileExists(atPath: aside.path))
        }
    }

    // MARK: Item 4: only folders this tool made are removed

    @Test func foldersNamedLikeLeftoversButNotOursStay() throws {
        let folder = try project(Self.quickBook)
        defer { try? FileManager.default.removeItem(at: folder) }
        let strangers = [".output.previous-1", ".output.staging-2", ".output.staging-3-abc"]
        for name in strangers {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try Data("mine".utf8).write(to: url.appendingPathComponent("thesis.tex"))
        }
        // A real leftover of a killed build: a staging folder with the marker, and a file the marker lists.
        let ours = folder.appendingPathComponent(".output.staging-4-dead")
        try FileManager.default.createDirectory(at: ours, withIntermediateDirectories: true)
        try "This folder is a report written by 'distillery build'. Every build replaces it as a whole.\nThe files of this report, which the next build removes (and nothing else):\nindex.html\n"
            .write(to: ours.appendingPathComponent(".distillery-report"), atomically: true, encoding: .utf8)
        try "half".write(to: ours.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        let result = try Distillery.run(["build"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        for name in strangers {
            #expect(try String(contentsOf: folder.appendingPathComponent("\(name)/thesis.tex"), encoding: .utf8) == "mine")
        }
        #expect(!FileManager.default.fileExists(atPath: ours.path), "a dead build's staging folder was left")
    }

    // MARK: Item 3: never into another file system (root only: it mounts)

    @Test(.enabled(if: getuid() == 0, "bind-mounting needs root")) func aMountInsideTheOutputIsNeverEmptied() throws {
        let folder = try project(Self.quickBook)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Distillery.run(["build"], in: folder).status == 0)
        let outside = folder.appendingPathComponent("elsewhere"), point = folder.appendingPathComponent("output/mnt")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: point, withIntermediateDirectories: true)
        try Data("precious".utf8).write(to: outside.appendingPathComponent("data.bin"))
        let mounted = runTool("/bin/mount", ["--bind", outside.path, point.path])
        guard mounted == 0 else {
            print("skipped: this machine does not allow bind mounts here (mount exited \(mounted))")
            return
        }
        defer { runTool("/bin/umount", [point.path]) }
        try "# Changed\n\nNew prose.\n".write(to: folder.appendingPathComponent("chapters/01-a.md"), atomically: true, encoding: .utf8)
        let result = try Distillery.run(["build"], in: folder)
        #expect(result.status == 1)
        #expect(result.standardError.contains("'output/mnt' is a mount point"), "\(result.standardError)")
        #expect(try Data(contentsOf: point.appendingPathComponent("data.bin")) == Data("precious".utf8))
        // The output folder itself a mount point: said plainly, nothing removed.
        let whole = folder.appendingPathComponent("mounted")
        try FileManager.default.createDirectory(at: whole, withIntermediateDirectories: true)
        #expect(runTool("/bin/mount", ["--bind", outside.path, whole.path]) == 0)
        defer { runTool("/bin/umount", [whole.path]) }
        let onMount = try Distillery.run(["build", "--output", "mounted"], in: folder)
        #expect(onMount.status == 1)
        #expect(onMount.standardError.contains("it is a mount point"), "\(onMount.standardError)")
    }

    // MARK: Items 10, 16 and 19: the cache folder

    @Test func aCacheThatIsALinkOrAFileIsRefused() throws {
        let folder = try project(Self.quickBook)
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("target")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let cache = folder.appendingPathComponent(".distillery-cache")
        try FileManager.default.createSymbolicLink(at: cache, withDestinationURL: target)
        for command in [["build"], ["clean"]] {
            let result = try Distillery.run(command, in: folder)
            #expect(result.status == 1)
            #expect(result.standardError.contains("'.distillery-cache' is a symbolic link"), "\(result.standardError)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).isEmpty)
        }
        try FileManager.default.removeItem(at: cache)
        try Data("x".utf8).write(to: cache)
        let file = try Distillery.run(["build"], in: folder)
        #expect(file.status == 1)
        #expect(file.standardError.hasPrefix("error: '.distillery-cache' is a file, not a folder"), "\(file.standardError)")
    }

    @Test func linksInsideTheCacheAreNotFollowedAndLeftoversAreRemoved() throws {
        let folder = try project(Self.quickBook)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Distillery.run(["build"], in: folder).status == 0)
        let cache = folder.appendingPathComponent(".distillery-cache")
        let target = folder.appendingPathComponent("target")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try FileManager.default.removeItem(at: cache.appendingPathComponent("results"))
        try FileManager.default.createSymbolicLink(at: cache.appendingPathComponent("results"), withDestinationURL: target)
        let leftover = cache.appendingPathComponent("computations/.abc.5F8C7D3A.tmp")
        try Data("torn".utf8).write(to: leftover)
        let result = try Distillery.run(["build"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).isEmpty, "the build wrote through a link")
        #expect(!FileManager.default.fileExists(atPath: leftover.path), "a temporary file was left")
        #expect(try Distillery.run(["clean"], in: folder).status == 0)
        #expect(FileManager.default.fileExists(atPath: target.path))
    }
}

/// More of the output folder: permissions kept, a broken lock repaired, a file mounted over a
/// report file refused, a data file linked into the output refused when read.
@Suite struct OutputFolderDetailsTests {
    let book = OutputProtectionTests.quickBook

    func project() throws -> URL { try OutputProtectionTests().project(book) }

    func edit(_ folder: URL) throws {
        try (book + "\nMore.\n").write(to: folder.appendingPathComponent("chapters/01-a.md"), atomically: true, encoding: .utf8)
    }

    @Test func aNewReportKeepsTheOldOnesPermissions() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Distillery.run(["build"], in: folder).status == 0)
        let output = folder.appendingPathComponent("output")
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: output.path)
        try edit(folder)
        #expect(try Distillery.run(["build"], in: folder).status == 0)
        #expect(try FileManager.default.attributesOfItem(atPath: output.path)[.posixPermissions] as? Int == 0o700)
    }

    @Test func aLockThatIsNotAFileIsRepaired() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lock = folder.appendingPathComponent(".distillery-cache/build.lock")
        try FileManager.default.createDirectory(at: lock.appendingPathComponent("x"), withIntermediateDirectories: true)
        let built = try Distillery.run(["build"], in: folder)
        #expect(built.status == 0, "\(built.standardError)")
        try FileManager.default.removeItem(at: lock)
        try FileManager.default.createSymbolicLink(atPath: lock.path, withDestinationPath: "/nonexistent")
        let cleaned = try Distillery.run(["clean"], in: folder)
        #expect(cleaned.status == 0, "\(cleaned.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".distillery-cache").path))
    }

    @Test func aDataFileLinkedIntoTheOutputIsRefused() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let points = "a,b,kind\n1,2,x\n2,3,y\n3,1,x\n4,0,y\n5,1,x\n6,2,y\n"
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("output/tables"), withIntermediateDirectories: true)
        try points.write(to: folder.appendingPathComponent("output/tables/t.csv"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("data/x.csv").path, withDestinationPath: "../output/tables/t.csv")
        // The check of the opened file itself, as when the link appears after the plan was checked.
        #expect(throws: (any Error).self) {
            _ = try ProjectPath.read("data/x.csv", in: folder, refusing: folder.appendingPathComponent("output"))
        }
        try "# D\n\n```{dataset} d\ndata: data/x.csv\nlabel: kind\n```\n".write(to: folder.appendingPathComponent("chapters/01-a.md"), atomically: true, encoding: .utf8)
        let result = try Distillery.run(["build"], in: folder)
        #expect(result.status == 1)
        #expect(result.standardError.contains("'data/x.csv' is inside the output folder 'output'"), "\(result.standardError)")
    }

    @Test(.enabled(if: getuid() == 0, "bind-mounting needs root")) func aFileMountedOverAReportFileIsRefused() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Distillery.run(["build"], in: folder).status == 0)
        let keep = folder.appendingPathComponent("keep.js"), target = folder.appendingPathComponent("output/search.js")
        try "precious".write(to: keep, atomically: true, encoding: .utf8)
        guard runTool("/bin/mount", ["--bind", keep.path, target.path]) == 0 else {
            print("skipped: this machine does not allow bind mounts here")
            return
        }
        defer { runTool("/bin/umount", [target.path]) }
        try edit(folder)
        let result = try Distillery.run(["build"], in: folder)
        #expect(result.status == 1)
        #expect(result.standardError.contains("'output/search.js' is a mount point"), "\(result.standardError)")
        #expect(try String(contentsOf: keep, encoding: .utf8) == "precious")
    }
}
