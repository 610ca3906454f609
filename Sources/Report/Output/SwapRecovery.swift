import Foundation
import Notebook
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension OutputWriter {
    /// Puts back what a build killed outright (SIGKILL, power loss) left half done: a report
    /// moved aside but not replaced is moved back, and the staging and previous folders of
    /// dead builds are removed. Only folders this writer made are touched — a real folder (not
    /// a link) named `.NAME.staging-…` or `.NAME.previous-…` that holds the report marker —
    /// and of them only the files their marker lists. Call under `lock(directory)`, so that no
    /// live build's staging folder is taken for a dead one's.
    public static func recoverInterruptedSwap(_ directory: URL) {
        let fileManager = FileManager.default
        let parent = directory.deletingLastPathComponent()
        let name = directory.lastPathComponent
        guard let entries = try? fileManager.contentsOfDirectory(atPath: parent.path) else { return }
        let leftovers = entries.sorted()
            .filter { $0.hasPrefix(".\(name).staging-") || $0.hasPrefix(".\(name).previous-") }
            .map { parent.appendingPathComponent($0) }
            .filter(isReportFolder)
        var status = stat()
        if lstat(directory.path, &status) != 0 {
            let moved = leftovers.filter { $0.lastPathComponent.hasPrefix(".\(name).previous-") }
            if let latest = moved.max(by: { markerDate($0) < markerDate($1) }) {
                try? fileManager.moveItem(at: latest, to: directory)
            }
        }
        for url in leftovers where lstat(url.path, &status) == 0 {
            removeReport(url)
        }
        // A staging folder made by a build killed before it wrote the marker is empty: rmdir
        // removes it and nothing else (it fails on a folder with anything in it).
        for entry in entries where entry.hasPrefix(".\(name).staging-") {
            rmdir(parent.appendingPathComponent(entry).path)
        }
    }

    /// A real folder holding a marker (a regular file) that this writer wrote.
    private static func isReportFolder(_ url: URL) -> Bool {
        var status = stat()
        guard lstat(url.path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR,
              lstat(url.appendingPathComponent(markerFileName).path, &status) == 0,
              status.st_mode & S_IFMT == S_IFREG else { return false }
        return claim(of: url) != .nothing
    }

    private static func markerDate(_ url: URL) -> Date {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.appendingPathComponent(markerFileName).path)
        return attributes?[.modificationDate] as? Date ?? .distantPast
    }
}
