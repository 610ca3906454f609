import DistillCore
import Notebook

/// `{distill}`: trains a student on a teacher's soft targets,
/// L = α·T²·KL(softmax(t/T) ‖ softmax(s/T)) + (1 − α)·CE(y, s), where α weights the soft term.
/// The student uses the teacher's data split; it may train on fewer examples (`train_fraction`)
/// or without some classes (`drop_classes`). With several seeds, student seed i learns from
/// teacher seed i when the teacher has as many seeds, else from the teacher's only run.
///
/// ```{distill} student_kd
/// teacher: teacher
/// temperature: 4
/// alpha: 0.9
/// hidden: [3]
/// ```
struct DistillDirective: Directive {
    static let kind = "distill"
    static let options = [
        OptionDoc("teacher", "Name of the {train} directive whose networks teach."),
        OptionDoc("temperature", "Softmax temperature T of the soft targets (default 4)."),
        OptionDoc("alpha", "Weight α of the soft (distillation) term; 1 − α weights the hard labels (default 0.9)."),
    ] + TrainingOptions.docs

    let name: String
    let teacher: String
    let temperature: Double
    let alpha: Double
    let training: TrainingOptions
    let caption: String?

    init(name: String, options: DirectiveOptions) throws {
        self.name = name
        teacher = try options.required("teacher", options.string)
        temperature = try options.double("temperature") ?? 4
        guard temperature > 0 && temperature <= 1000 else { throw options.error("temperature", "'temperature' must be in (0, 1000]") }
        alpha = try options.double("alpha") ?? 0.9
        guard (0...1).contains(alpha) else { throw options.error("alpha", "'alpha' must be between 0 and 1") }
        training = try TrainingOptions(options)
        caption = try options.string("caption")
    }

    var dependencies: [String] { [teacher] }

    func run(in context: ExecutionContext) throws -> DirectiveResult {
        let teacherRuns = try context.value(of: teacher, as: TrainedRuns.self, expected: "a trained teacher ({train})")
        let teachers = teacherRuns.runs.runs
        let seeds = training.seeds
        guard teachers.count == 1 || teachers.count == seeds.count else {
            throw ExecutionError("teacher '\(teacher)' has \(teachers.count) seeds; the student needs 1 teacher or one per seed (\(seeds.count))")
        }
        let dataset = teacherRuns.dataset
        let data = try training.prepare(dataset, split: teacherRuns.data.recipe)
        let loss = DistillationLoss<Float>(temperature: Float(temperature), alpha: Float(alpha))
        let training = self.training
        let start = try training.initialModel(inputs: data.featureCount, outputs: data.classCount,
                                              projectDirectory: context.projectDirectory)
        let outcomes = try SeedRunner.run(seeds: seeds) { seed in
            let teacherModel = teachers[teachers.count == 1 ? 0 : seeds.firstIndex(of: seed)!].model
            let objective = DistillationObjective(loss: loss, labels: data.train.labels,
                                                  teacherLogits: teacherModel.logits(data.train.features))
            let student = try Trainer.train(training.configuration(seed: seed), data: data, objective: objective,
                                            initialModel: start)
            let agreement = TeacherAgreement(student: student.model.logits(data.test.features),
                                             teacher: teacherModel.logits(data.test.features))
            return (student, agreement)
        }
        let result = TrainedRuns(
            name: name, dataset: dataset, data: data, runs: SeededRuns(seeds: seeds, runs: outcomes.map(\.0)),
            distillation: .init(teacher: teacher, temperature: temperature, alpha: alpha, agreement: outcomes.map(\.1)))
        return DirectiveResult(value: result, blocks: [.table(RunSummary.table(result, caption: caption))])
    }
}
