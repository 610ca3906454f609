import DistillCore
import Foundation
import Testing

/// The distillation vocabulary through the real CLI, on books written by the test.
@Suite struct DirectiveTests {
    /// A project folder with the given chapter and extra files.
    func project(chapter: String, files: [String: String] = [:]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("distillery-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("chapters"), withIntermediateDirectories: true)
        try chapter.write(to: folder.appendingPathComponent("chapters/01-test.md"), atomically: true, encoding: .utf8)
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return folder
    }

    static let csv = "a,b,kind\n" + (0..<40).map { i in
        let kind = ["x", "y"][i % 2]
        return "\(Double(i % 2) * 2 + Double(i) / 40),\(Double(i % 5) / 5),\(kind)"
    }.joined(separator: "\n") + "\n"

    @Test func distillationWithSeedsOnACSVDataSet() throws {
        let folder = try project(chapter: """
        # Distil

        ```{train} teacher
        data: data/points.csv
        label: kind
        hidden: [8]
        epochs: 20
        lr: 0.05
        seeds: 2
        ```

        ```{distill} student
        teacher: teacher
        temperature: 2
        alpha: 0.5
        hidden: [2]
        epochs: 20
        lr: 0.05
        seeds: 2
        ```

        ```{plot} curves
        runs: [teacher, student]
        metric: accuracy
        split: test
        ```
        """, files: ["data/points.csv": Self.csv])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Distillery.run(["build"], in: folder)
        #expect(result.status == 0, "stderr: \(result.standardError)")
        let page = try String(contentsOf: folder.appendingPathComponent("output/01-test.html"), encoding: .utf8)
        #expect(page.contains("Student &#39;student&#39; distilled from &#39;teacher&#39; at T = 2, α = 0.5"))
        #expect(page.contains("the mean over 2 seeds, with a 95% t-interval"))
        #expect(page.contains("<th class=\"num\">Agreement</th>"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("output/figures/curves.png").path))
    }

    @Test func errorsInDataPointAtTheDataFile() throws {
        let folder = try project(chapter: """
        ```{train} t
        data: data/bad.csv
        label: kind
        ```
        """, files: ["data/bad.csv": "a,kind\n1,x\n2\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Distillery.run(["build"], in: folder)
        #expect(result.status == 1)
        #expect(result.standardError == "data/bad.csv:3:1: error: expected 2 fields as in the header, found 1\n")
    }

    @Test func badOptionValuesAndReferencesAreReportedWhereTheyAre() throws {
        let folder = try project(chapter: """
        ```{train} t
        data: iris
        optimizer: adamw
        ```

        ```{distill} s
        teacher: teachr
        alpha: 1.5
        ```
        """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Distillery.run(["check"], in: folder)
        #expect(result.status == 1)
        #expect(result.standardError == """
        chapters/01-test.md:3:12: error: unknown optimizer 'adamw'; did you mean 'adam'? (the choices are adam, sgd)
        chapters/01-test.md:8:8: error: 'alpha' must be in [0, 1], not 1.5

        """)
    }

    @Test func aTeacherThatIsNotATrainingRunIsRejected() throws {
        let folder = try project(chapter: """
        ```{train} t
        data: iris
        epochs: 2
        ```

        ```{plot} p
        runs: [t]
        ```

        ```{distill} s
        teacher: p
        epochs: 2
        ```
        """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Distillery.run(["build"], in: folder)
        #expect(result.status == 1)
        #expect(result.standardError == "chapters/01-test.md:11:10: error: 'p' is a {plot} directive, but 'teacher' needs a {train} or {distill} or {model}\n")
    }

    @Test func trainingStartsFromGivenWeights() throws {
        var generator = SeededGenerator(seed: 1)
        let start = MLP<Float>(MLPArchitecture(inputs: 4, hidden: [5], outputs: 3), generator: &generator)
        let weights = SafeTensors.encode(start.stateDict())
        let chapter = { (seed: Int) in """
            ```{train} t
            data: iris
            hidden: [5]
            epochs: 5
            seed: \(seed)
            initial_weights: weights/start.safetensors
            ```
            """ }
        var tables = [String]()
        for seed in [1, 2] {
            let folder = try project(chapter: chapter(seed))
            defer { try? FileManager.default.removeItem(at: folder) }
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("weights"), withIntermediateDirectories: true)
            try Data(weights).write(to: folder.appendingPathComponent("weights/start.safetensors"))
            let result = try Distillery.run(["build"], in: folder)
            #expect(result.status == 0, "stderr: \(result.standardError)")
            let page = try String(contentsOf: folder.appendingPathComponent("output/01-test.html"), encoding: .utf8)
            tables.append(String(page[page.range(of: "<tbody>")!.lowerBound...]))
        }
        // Full-batch training without dropout uses no random draw once the weights are given.
        #expect(tables[0] == tables[1])
    }

    @Test func weightsOfTheWrongShapeAreRejected() throws {
        var generator = SeededGenerator(seed: 1)
        let other = MLP<Float>(MLPArchitecture(inputs: 4, hidden: [7], outputs: 3), generator: &generator)
        let folder = try project(chapter: """
        ```{train} t
        data: iris
        hidden: [5]
        initial_weights: w.safetensors
        ```
        """)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(SafeTensors.encode(other.stateDict())).write(to: folder.appendingPathComponent("w.safetensors"))
        let result = try Distillery.run(["build"], in: folder)
        #expect(result.status == 1)
        #expect(result.standardError == "chapters/01-test.md:1:1: error: {train} t: 'w.safetensors' holds a 4-7-3 network, but the options and data call for 4-5-3\n")
    }

    @Test func droppingEveryClassIsAnErrorNotACrash() throws {
        let folder = try project(chapter: """
        ```{train} t
        data: iris
        drop_classes: [setosa, versicolor, 2]
        ```
        """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Distillery.run(["build"], in: folder)
        #expect(result.status == 1)
        #expect(result.standardError == "chapters/01-test.md:1:1: error: {train} t: no training examples are left after the test split, train_fraction and drop_classes\n")
    }
}
