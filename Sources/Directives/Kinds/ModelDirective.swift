import DistillCore
import Notebook

/// `{model}`: a network trained elsewhere (e.g. in PyTorch), loaded from a `.safetensors` file
/// with PyTorch's names (`fc1.weight` [out, in], `fc1.bias`, …). The architecture comes from
/// the tensor shapes and must fit the data. It can teach a {distill} like a {train} run.
///
/// ```{model} torch_teacher
/// file: weights/teacher.safetensors
/// data: digits_split
/// ```
struct ModelDirective: Directive {
    static let kind = "model"
    static let code = CodeModules.computing
    static let summary = "Loads a network trained elsewhere from a .safetensors file, to evaluate or to teach."
    static let shows = Shows.table
    static let options: [OptionSpec] = [
        .required("file", .path(extensions: [".safetensors"]), "The weights: PyTorch names fc1.weight [out, in], fc1.bias, fc2.weight, …"),
        .required("data", .reference(kinds: ["dataset"]), "The {dataset} the network was trained for: its test set evaluates it."),
        .optional("activation", .choice(Activation.self), default: "relu", "Activation of the hidden layers."),
    ]
    static var fieldDocs: [FieldDoc] { RunFields.docs }

    let name: String
    let file: String
    let data: Dependency
    let activation: Activation
    let caption: String?
    var dependencies: [Dependency] { [data] }

    init(name: String, options: DirectiveOptions) throws {
        self.name = name
        file = options.get("file")
        data = options.reference("data")!
        activation = options.choice("activation")
        caption = options.optional("caption")
    }

    func run(in context: ExecutionContext) throws -> DirectiveResult {
        let split = try context.value(of: data.name, as: SplitData.self, expected: "a {dataset}")
        let model = try WeightsFile.load(file, activation: activation, in: context.files)
        let prepared = split.prepared()
        let architecture = model.architecture
        guard architecture.inputs == prepared.featureCount, architecture.outputs == split.classNames.count else {
            throw ExecutionError("'\(file)' holds a \(architecture.description) network, but '\(data.name)' has \(prepared.featureCount) features and \(split.classNames.count) classes")
        }
        let result = TrainedRuns(name: name, split: split, model: model)
        return RunSummary.result(result, caption: caption)
    }
}
