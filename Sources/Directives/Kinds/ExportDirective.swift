import DistillCore
import Foundation
import Notebook

/// `{export}`: offers a run's results for download: `data/<name>.csv` (one row per seed and
/// epoch) and its weights as `data/<name>.safetensors` (first seed; `<name>-seed<k>` for the
/// others), which load with `safetensors.torch.load_file` into `nn.Linear` layers. The networks
/// expect standardised inputs, so the weights' metadata carries the training split's
/// `input_mean` and `input_std` (comma-separated, one per feature) when the data was standardised.
struct ExportDirective: Directive {
    static let kind = "export"
    static let code = CodeModules.computing
    static let summary = "Writes a run's metrics (CSV) and weights (.safetensors, PyTorch names, the input standardisation in its metadata) into the report for download."
    static let shows = Shows.downloads
    static let options: [OptionSpec] = [
        .required("run", .reference(kinds: TrainedRuns.kinds), "The run to export."),
    ]

    let name: String
    let run: Dependency
    var dependencies: [Dependency] { [run] }

    init(name: String, options: DirectiveOptions) throws {
        self.name = name
        run = options.reference("run")!
    }

    func run(in context: ExecutionContext) throws -> DirectiveResult {
        let runs = try context.value(of: run.name, as: TrainedRuns.self, expected: "a {train}, {distill} or {model}")
        var downloads = [Download]()
        if let seeded = runs.runs {
            downloads.append(Download(fileName: "\(name).csv", bytes: Array(Self.metricsCSV(seeded).utf8),
                                      description: "metrics of '\(run.name)' per seed and epoch"))
        }
        let standardization = Self.standardizationMetadata(runs.data.standardizer)
        for (index, model) in runs.models.enumerated() {
            let fileName = index == 0 ? "\(name).safetensors" : "\(name)-seed\(runs.seeds[index]).safetensors"
            let metadata = ["architecture": model.architecture.description, "activation": model.architecture.activation.rawValue,
                            "seed": String(runs.seeds[index])].merging(standardization) { first, _ in first }
            let seed = runs.models.count > 1 ? ", seed \(runs.seeds[index])" : ""
            let inputs = standardization.isEmpty ? "" : "; inputs standardised with the input_mean and input_std of its metadata"
            downloads.append(Download(fileName: fileName, bytes: SafeTensors.encode(model.stateDict(), metadata: metadata),
                                      description: "weights of '\(run.name)'\(seed) (\(model.architecture.description), PyTorch names\(inputs))"))
        }
        return DirectiveResult(blocks: [.downloads(downloads)])
    }

    /// `input_mean` and `input_std` of a standardised run (each Float in the shortest form that
    /// reads back to the same bits), nothing when the features were used as they are.
    static func standardizationMetadata(_ standardizer: Standardizer) -> [String: String] {
        guard standardizer != Standardizer(identityFor: standardizer.means.count) else { return [:] }
        return ["input_mean": standardizer.means.map { "\($0)" }.joined(separator: ","),
                "input_std": standardizer.deviations.map { "\($0)" }.joined(separator: ",")]
    }

    /// `seed,epoch,train_loss,test_loss,train_accuracy,test_accuracy`; each number in the
    /// shortest form that reads back to the same bits.
    static func metricsCSV(_ runs: SeededRuns) -> String {
        var lines = ["seed,epoch,train_loss,test_loss,train_accuracy,test_accuracy"]
        for (seed, run) in zip(runs.seeds, runs.runs) {
            for (index, epoch) in run.history.epochs.enumerated() {
                lines.append("\(seed),\(index + 1),\(epoch.trainLoss),\(epoch.testLoss),\(epoch.trainAccuracy),\(epoch.testAccuracy)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
