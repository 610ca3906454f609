import ArgumentParser
import Foundation
import Notebook

/// `distillery clean`: remove the project's cache.
struct Clean: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Remove the build cache (\(CacheStore.folderName) in the project) and nothing else.")

    @OptionGroup var book: BookOptions

    func run() throws {
        do {
            let removed = try CacheFolder.clean(projectDirectory: book.projectURL)
            print(removed ? "Removed \(CacheStore.folderName)/" : "No cache to remove")
        } catch {
            report(error)
            throw ExitCode.failure
        }
    }
}
