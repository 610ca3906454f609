@testable import Directives
import DistillCore
import Foundation
import Testing

/// Every directive kind of the vocabulary, inline values and cross-references, end to end
/// through the real CLI on one small book.
@Suite struct VocabularyTests {
    static let chapter = """
    # All kinds

    The teacher reaches {{ teacher.test_accuracy | ci }} over {{ teacher.seeds }} seeds
    ({{ teacher.params }} parameters); see @curves and @comparison. Distillation changes
    accuracy by {{ comparison.student.difference | ci }} ({{ comparison.student.wins }} wins).
    The best temperature is {{ temps.best }}. Code stays code: `{{ teacher.params }}`.
    At T = 4: {{ temps.difference.4 | ci }} and {{ temps.accuracy.4 | percent }}. Setosa:
    {{ teacher.class_accuracy.setosa | percent }}; shifted: {{ shifted.class_accuracy.setosa | percent }}.

    ```{dataset} flowers
    data: iris
    test_fraction: 0.2
    split_seed: 3
    ```

    ```{train} teacher
    data: flowers
    hidden: [8]
    epochs: 30
    lr: 0.05
    seeds: 3
    ```

    ```{train} baseline
    data: flowers
    hidden: [2]
    epochs: 30
    lr: 0.05
    seeds: 3
    ```

    ```{distill} student
    teacher: teacher
    hidden: [2]
    epochs: 30
    lr: 0.05
    seeds: 3
    echo: true
    ```

    ```{plot} curves
    runs: [teacher, student]
    ```

    ```{table} comparison
    runs: [teacher, baseline, student]
    metrics: [test_accuracy, nll, brier, agreement, params]
    baseline: baseline
    teacher: teacher
    ```

    ```{sweep} temps
    base: student
    over: {temperature: [1, 4]}
    baseline: baseline
    ```

    ```{softmax} soften
    logits: [5, 2, 0]
    temperatures: [1, 2, 5, 10, 20]
    labels: [a, b, c]
    entropy_curve: true
    ```

    ```{plot} terms
    runs: [student]
    metric: loss_terms
    ```

    ```{distill} shifted
    teacher: teacher
    hidden: [2]
    epochs: 30
    lr: 0.05
    seeds: 3
    bias_class: setosa
    bias_shift: 100
    ```

    ```{soft_targets} targets
    model: teacher
    temperatures: [1, 4]
    examples: [0, 5]
    ```

    ```{histogram} confidence
    model: teacher
    temperatures: [1, 4, 10]
    quantity: entropy
    ```

    ```{confusion} errors
    run: student
    ```

    ```{model} loaded
    file: weights/net.safetensors
    data: flowers
    ```

    ```{export} student_files
    run: student
    ```
    """

    @Test func everyKindBuildsWithValuesLinksAndFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("distillery-vocab-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("chapters"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("weights"), withIntermediateDirectories: true)
        try Self.chapter.write(to: folder.appendingPathComponent("chapters/01-all.md"), atomically: true, encoding: .utf8)
        var generator = SeededGenerator(seed: 7)
        let net = MLP<Float>(MLPArchitecture(inputs: 4, hidden: [6], outputs: 3), generator: &generator)
        try Data(SafeTensors.encode(net.stateDict())).write(to: folder.appendingPathComponent("weights/net.safetensors"))

        let result = try Distillery.run(["build"], in: folder)
        #expect(result.status == 0, "stderr: \(result.standardError)")
        let output = try snapshot(of: folder.appendingPathComponent("output"))
        let page = String(decoding: output["01-all.html"]!, as: UTF8.self)

        // Inline values are computed numbers; code spans are left alone.
        #expect(page.range(of: #"reaches \d+\.\d% \[\d+\.\d, \d+\.\d\] over 3 seeds"#, options: .regularExpression) != nil, "\(page.prefix(800))")
        #expect(page.contains("(67 parameters)"))  // 4·8 + 8 + 8·3 + 3
        #expect(page.range(of: #"accuracy by [+−]?\d+\.\d pp \[[+−]?\d+\.\d, [+−]?\d+\.\d\] \(\d wins\)"#, options: .regularExpression) != nil)
        #expect(page.contains("The best temperature is temperature = 1.") || page.contains("The best temperature is temperature = 4."))
        #expect(page.contains("<code>{{ teacher.params }}</code>"))
        // Cross-references are numbered links.
        #expect(page.contains("see <a class=\"xref\" href=\"01-all.html#curves\">Figure 1</a> and <a class=\"xref\" href=\"01-all.html#comparison\">Table"))
        #expect(page.contains("<details class=\"source\"><summary>Source of {distill} student</summary>"))

        // {softmax}: the reference values of softmax([5, 2, 0]) at T = 1 and 20.
        #expect(page.contains("<td class=\"num\">1</td><td class=\"num\">0.9465</td><td class=\"num\">0.0471</td><td class=\"num\">0.0064</td>"))
        #expect(page.contains("<td class=\"num\">20</td><td class=\"num\">0.3789</td><td class=\"num\">0.3261</td><td class=\"num\">0.2951</td>"))
        // {dataset}: 40 of each class, 10 held out.
        #expect(page.contains("<tr><td>setosa</td><td class=\"num\">40</td><td class=\"num\">10</td></tr>"))
        // {table} with a baseline: wins/ties/losses over 3 seeds, the baseline marked.
        #expect(page.contains("<td class=\"num\">(baseline)</td>"))
        #expect(page.range(of: #"<td class="num">\d/\d/\d</td>"#, options: .regularExpression) != nil)
        // With a teacher, every run has an agreement: the teacher agrees with itself.
        #expect(page.contains("<td class=\"num\">3</td><td class=\"num\">") && page.contains("<td class=\"num\">100.0%</td><td class=\"num\">67</td>"))

        // A sweep's every grid point; per-class accuracy; a bias raised by 100 makes every
        // prediction setosa, so exactly the setosa test flowers are right.
        #expect(page.range(of: #"At T = 4: [+−]?\d+\.\d pp \[[+−]?\d+\.\d, [+−]?\d+\.\d\] and \d+\.\d%"#, options: .regularExpression) != nil)
        #expect(page.contains("shifted: 100.0%"))
        #expect(page.range(of: #"Setosa:\s+\d+\.\d%"#, options: .regularExpression) != nil)
        #expect(page.contains("Figure") && page.contains("The two terms of the training loss of student by epoch"))
        #expect(page.contains("Entropy of the softmax of the logits (5, 2, 0) as the temperature grows"))

        // What the charts were handed, through their generated alt text: the entropy of the
        // teacher's outputs grows with T (medians at T = 1, 4, 10 increase, below ln 3), and the
        // confusion matrix pools the three seeds' 30 test flowers.
        let histogramAlt = try #require(page.range(of: #"alt="Histograms of the entropy[^"]*""#, options: .regularExpression).map { String(page[$0]) })
        let medians = histogramAlt.components(separatedBy: "the median is ").last!.components(separatedBy: ", ")
            .compactMap { Double($0.split(separator: " ").first ?? "") }
        #expect(medians.count == 3 && medians[0] < medians[1] && medians[1] < medians[2] && medians[2] < log(3.0), "\(histogramAlt)")
        #expect(page.contains("Heatmap of true against predicted classes for student, pooled over 3 seeds."))
        #expect(page.contains("Confusion matrix of &#39;student&#39; on its 30 test examples, pooled over 3 seeds"))

        for figure in ["curves", "temps", "soften", "soften-entropy", "terms", "targets", "confidence", "errors"] {
            let png = [UInt8](output["figures/\(figure).png"] ?? Data())
            #expect(png.prefix(4) == [0x89, 0x50, 0x4E, 0x47], "figures/\(figure).png")
        }
        // {export}: the CSV reads back to the same rows, the weights to networks of the right shape.
        let csv = String(decoding: output["data/student_files.csv"]!, as: UTF8.self).split(separator: "\n")
        #expect(csv.first == "seed,epoch,train_loss,test_loss,train_accuracy,test_accuracy")
        #expect(csv.count == 1 + 3 * 30)
        #expect(csv.dropFirst().allSatisfy { $0.split(separator: ",").count == 6 && Double($0.split(separator: ",")[2]) != nil })
        for file in ["data/student_files.safetensors", "data/student_files-seed1.safetensors", "data/student_files-seed2.safetensors"] {
            let tensors = try SafeTensors.decode([UInt8](output[file]!), fileName: file)
            #expect(tensors.map(\.name) == ["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"])
            #expect(tensors[0].shape == [2, 4] && tensors[2].shape == [3, 2])
        }
        // The weights' metadata carries the standardisation their inputs need: the training
        // split's means and deviations, each reading back to the same Float.
        let header = try Self.safeTensorsHeader([UInt8](output["data/student_files.safetensors"]!))
        let metadata = try #require(header["__metadata__"] as? [String: String])
        let standardizer = PreparedData(try ShippedDataset.iris.load(), testFraction: 0.2, splitSeed: 3).standardizer
        #expect(metadata["input_mean"]?.split(separator: ",").map { Float(String($0)) } == standardizer.means)
        #expect(metadata["input_std"]?.split(separator: ",").map { Float(String($0)) } == standardizer.deviations)
        #expect(metadata["architecture"] == "4-2-3")
        #expect(page.contains("PyTorch names; inputs standardised with the input_mean and input_std of its metadata"))
        #expect(page.contains("<a href=\"data/student_files.csv\" download=\"student_files.csv\">student_files.csv</a>"))
        // {model}: the loaded network's parameter count.
        #expect(page.contains("<td>4-6-3</td><td class=\"num\">51</td>"))
    }

    @Test func exportedStandardisationIsExactAndOnlyWhenUsed() {
        #expect(ExportDirective.standardizationMetadata(Standardizer(identityFor: 4)).isEmpty)
        let fitted = Standardizer(fittedOn: Matrix(rows: 2, columns: 2, values: [1, 10, 3, 30]))
        #expect(ExportDirective.standardizationMetadata(fitted) == ["input_mean": "2.0,20.0", "input_std": "1.0,10.0"])
    }

    /// The JSON header of a .safetensors file (8-byte little-endian length, then the JSON).
    static func safeTensorsHeader(_ bytes: [UInt8]) throws -> [String: Any] {
        let length = bytes.prefix(8).reversed().reduce(0) { $0 << 8 | Int($1) }
        return try #require(JSONSerialization.jsonObject(with: Data(bytes[8..<(8 + length)])) as? [String: Any])
    }

    @Test func mistakesInProseAndReferencesAreReportedWhereTheyAre() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("distillery-vocab-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("chapters"), withIntermediateDirectories: true)
        try """
        Value {{ t.test_acuracy }} and {{ tt.seeds }} and {{ t.seeds | ci }}; see @nothing and @t.

        ```{train} t
        data: irs
        epochs: 2
        ```

        ```{histogram} h
        model: t
        temperatures: [0]
        ```
        """.write(to: folder.appendingPathComponent("chapters/01-bad.md"), atomically: true, encoding: .utf8)
        let result = try Distillery.run(["check"], in: folder)
        #expect(result.status == 1)
        // Prose mistakes, option mistakes and bad references, all at once.
        #expect(result.standardError.hasSuffix("""
        chapters/01-bad.md:1:75: error: 'nothing' is not the name of any directive
        chapters/01-bad.md:4:7: error: 'irs' is neither one of iris, wine, breast_cancer, digits nor the name of a {dataset} directive; did you mean 'iris'?
        chapters/01-bad.md:10:16: error: 'temperatures' must be in [0.05, 1000], not 0

        """))
        try """
        Value {{ t.test_acuracy }} and {{ tt.seeds }} and {{ t.seeds | ci }}; see @nothing and @t.

        ```{train} t
        data: iris
        epochs: 2
        ```
        """.write(to: folder.appendingPathComponent("chapters/01-bad.md"), atomically: true, encoding: .utf8)
        let second = try Distillery.run(["check"], in: folder)
        #expect(second.standardError == """
        chapters/01-bad.md:1:7: error: {train} t has no value 'test_acuracy'; did you mean 'test_accuracy'?; it has class_accuracy.*, epochs, params, seeds, test_accuracy, test_accuracy_high, test_accuracy_low, test_loss, train_loss
        chapters/01-bad.md:1:32: error: 'tt' is not the name of any directive; did you mean 't'?
        chapters/01-bad.md:1:51: error: cannot format t.seeds: 'ci' needs a value with an interval (e.g. test_accuracy), and this one has none
        chapters/01-bad.md:1:75: error: 'nothing' is not the name of any directive

        """)
    }
}
