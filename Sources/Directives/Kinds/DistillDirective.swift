import Foundation
import DistillCore
import Notebook

/// `{distill}`: trains a student on a teacher's soft targets,
/// L = α·T²·KL(softmax(t/T) ‖ softmax(s/T)) + (1 − α)·CE(y, s), where α weights the soft term.
/// The student uses the teacher's data split; it may train on fewer examples (`train_fraction`)
/// or without some classes (`drop_classes`). With several seeds, student seed i learns from
/// teacher seed i when the teacher has as many seeds, else from the teacher's only network.
///
/// ```{distill} student_kd
/// teacher: teacher
/// temperature: 4
/// alpha: 0.9
/// hidden: [3]
/// ```
struct DistillDirective: Directive {
    static let kind = "distill"
    static let code = CodeModules.computing
    static let summary = "Trains a student on a teacher's soft targets (and the labels), over one or several seeds."
    static let shows = Shows.table
    static let options: [OptionSpec] = [
        .required("teacher", .reference(kinds: TrainedRuns.kinds), "The networks that teach: a {train}, {distill} or {model}."),
        .optional("temperature", .number(SoftTargets.temperatureRange), default: "4", "Softmax temperature T of the soft targets."),
        .optional("alpha", .number(NumberRange(0, 1)), default: "0.9", "Weight α of the soft (distillation) term; 1 − α weights the hard labels."),
        .optional("bias_class", .text, "After training, raise the output bias of this class (name or index) by bias_shift: the correction for a class left out with drop_classes."),
        .optional("bias_shift", .number(NumberRange(-100, 100)), "How much to add to bias_class's output bias (Hinton et al. used 3.5 for the omitted 3s)."),
    ] + TrainingOptions.specs
    static let fieldDocs = RunFields.docs + [
        FieldDoc("agreement", .proportionWithInterval, "Top-1 agreement with the teacher on the test set, mean over seeds."),
        FieldDoc("kl_to_teacher", .realWithInterval, "Mean KL(teacher ‖ student) on the test set, in nats."),
    ]

    let name: String
    let teacher: Dependency
    let temperature: Double
    let alpha: Double
    let training: TrainingOptions
    let caption: String?
    /// The class whose output bias is raised after training, and by how much.
    let biasShift: (className: String, amount: Double)?
    var dependencies: [Dependency] { [teacher] }

    init(name: String, options: DirectiveOptions) throws {
        self.name = name
        teacher = options.reference("teacher")!
        temperature = options.get("temperature")
        alpha = options.get("alpha")
        training = try TrainingOptions(options)
        caption = options.optional("caption")
        switch (options.optional("bias_class", as: String.self), options.optional("bias_shift", as: Double.self)) {
        case let (name?, amount?): biasShift = (name, amount)
        case (nil, nil): biasShift = nil
        case (_?, nil): throw options.error("bias_class", "bias_class needs bias_shift, the amount to add to its output bias")
        case (nil, _?): throw options.error("bias_shift", "bias_shift needs bias_class, the class whose output bias to raise")
        }
    }

    /// The same distillation with other settings (a {sweep}'s grid point).
    init(name: String, teacher: Dependency, temperature: Double, alpha: Double, training: TrainingOptions) {
        self.name = name
        self.teacher = teacher
        self.temperature = temperature
        self.alpha = alpha
        self.training = training
        caption = nil
        biasShift = nil
    }

    func run(in context: ExecutionContext) throws -> DirectiveResult {
        let teacherRuns = try context.value(of: teacher.name, as: TrainedRuns.self, expected: "a teacher ({train}, {distill} or {model})")
        let result = try distil(from: teacherRuns, in: context)
        return RunSummary.result(result, caption: caption, fields: Self.fields(result))
    }

    /// Trains the students; `label` tells a {sweep}'s grid points apart in the cache. A {sweep}
    /// announces the work of all its points itself (`announce: false`).
    func distil(from teacherRuns: TrainedRuns, in context: ExecutionContext, label: String = "", announce: Bool = true) throws -> TrainedRuns {
        let seeds = training.seeds
        guard teacherRuns.models.count == 1 || teacherRuns.models.count == seeds.count else {
            throw ExecutionError("teacher '\(teacher.name)' has \(teacherRuns.models.count) seeds; the student needs 1 teacher or one per seed (\(seeds.count))")
        }
        let data = try training.prepare(teacherRuns.split)
        let loss = DistillationLoss<Float>(temperature: Float(temperature), alpha: Float(alpha))
        let training = self.training
        let start = try training.initialModel(inputs: data.featureCount, outputs: data.classCount,
                                              files: context.files)
        let shift = try biasShift.map { shift in
            (index: try TrainingOptions.classIndices([shift.className], in: data.test.classNames, data: teacherRuns.name,
                                                     option: "bias_class")[0], amount: Float(shift.amount))
        }
        if announce {
            try CachedTraining.announce(runs: seeds.count, training.configuration(seed: 0), data: data,
                                        teacher: teacherRuns.models.max { $0.architecture.parameterCount < $1.architecture.parameterCount },
                                        context: context)
        }
        let outcomes = try SeedRunner.run(seeds: seeds) { seed in
            let teacherModel = teacherRuns.teacherModel(forSeedAt: seeds.firstIndex(of: seed)!)
            let objective = DistillationObjective(loss: loss, labels: data.train.labels,
                                                  teacherLogits: teacherModel.logits(data.train.features))
            var student = try CachedTraining.train(training.configuration(seed: seed), data: data, objective: objective,
                                                   initialModel: start, context: context, label: label)
            if let shift {
                student = TrainedModel(model: student.model.raisingOutputBias(of: shift.index, by: shift.amount), history: student.history)
            }
            let agreement = TeacherAgreement(student: student.model.logits(data.test.features),
                                             teacher: teacherModel.logits(data.test.features))
            return (student, agreement)
        }
        return TrainedRuns(name: name, kind: Self.kind, split: teacherRuns.split, data: data,
                           runs: SeededRuns(seeds: seeds, runs: outcomes.map(\.0)),
                           distillation: .init(teacher: teacherRuns, temperature: temperature, alpha: alpha,
                                               agreement: outcomes.map(\.1), recipe: self))
    }

    static func fields(_ result: TrainedRuns) -> [String: InlineValue] {
        var fields = RunFields.values(result)
        let agreement = Summary(result.distillation!.agreement.map(\.top1Agreement))
        let kl = Summary(result.distillation!.agreement.map(\.meanKL))
        fields["agreement"] = .proportion(agreement.mean, interval: RunFields.interval(agreement, within: 0...1))
        fields["kl_to_teacher"] = .real(kl.mean, interval: RunFields.interval(kl))
        return fields
    }
}
