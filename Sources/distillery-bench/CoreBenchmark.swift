import ArgumentParser
import DistillCore
import Foundation

/// Microseconds per training step, phase by phase (forward, KD loss, backward, Adam), for
/// three network sizes; the median over many steps after a warm-up.
struct CoreBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "core", abstract: "Time the phases of a distillation training step.")

    @OptionGroup var options: BenchmarkOptions

    @Option(help: "Run only the cases whose name contains this text.")
    var only: String?

    struct Case {
        let name: String
        let widths: [Int]
        let batch: Int
        let steps: Int
    }

    static let cases = [
        Case(name: "iris 4-10-3, full batch 120", widths: [4, 10, 3], batch: 120, steps: 2_000),
        Case(name: "digits 64-256-256-10, batch 64", widths: [64, 256, 256, 10], batch: 64, steps: 1_000),
        Case(name: "mnist-size 784-1200-1200-10, batch 128", widths: [784, 1200, 1200, 10], batch: 128, steps: 40),
    ]

    struct Result: Encodable {
        let name: String
        let forward: Double
        let kdLoss: Double
        let backward: Double
        let optimizer: Double
        var total: Double { forward + kdLoss + backward + optimizer }
        let gflops: Double

        enum CodingKeys: String, CodingKey { case name, forward, kdLoss = "kd_loss", backward, optimizer, total, gflops }
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(forward, forKey: .forward)
            try container.encode(kdLoss, forKey: .kdLoss)
            try container.encode(backward, forKey: .backward)
            try container.encode(optimizer, forKey: .optimizer)
            try container.encode(total, forKey: .total)
            try container.encode(gflops, forKey: .gflops)
        }
    }

    func run() throws {
        let results = Self.cases.filter { only.map($0.name.contains) ?? true }.map(Self.measure)
        if options.json {
            struct Report: Encodable {
                let unit = "microseconds per step, median"
                let threads: Int
                let results: [Result]
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(Report(threads: SeedRunner.defaultThreadCount, results: results)), as: UTF8.self))
        } else {
            print("Distillery core, \(SeedRunner.defaultThreadCount) cores available, median µs per step")
            print("case".padding(toLength: 42, withPad: " ", startingAt: 0)
                  + ["forward", "kd loss", "backward", "optim", "total", "GFLOP/s"].map { $0.leftPadded(10) }.joined())
            for r in results {
                print(r.name.padding(toLength: 42, withPad: " ", startingAt: 0)
                      + [r.forward, r.kdLoss, r.backward, r.optimizer, r.total].map { String(format: "%.1f", $0).leftPadded(10) }.joined()
                      + String(format: "%.2f", r.gflops).leftPadded(10))
            }
        }
    }

    /// Random data and teacher logits, a fresh student, Adam; times each phase of `steps` steps.
    static func measure(_ benchmark: Case) -> Result {
        var generator = SeededGenerator(seed: 42)
        let inputs = benchmark.widths[0], classes = benchmark.widths.last!
        let features = Matrix<Float>(rows: benchmark.batch, columns: inputs,
                                     values: (0..<(benchmark.batch * inputs)).map { _ in generator.nextFloat(in: -2, 2) })
        let labels = (0..<benchmark.batch).map { _ in generator.nextIndex(below: classes) }
        let teacherLogits = Matrix<Float>(rows: benchmark.batch, columns: classes,
                                          values: (0..<(benchmark.batch * classes)).map { _ in generator.nextFloat(in: -6, 6) })
        let objective = DistillationObjective(loss: DistillationLoss(temperature: 4, alpha: 0.9), labels: labels,
                                              teacherLogits: teacherLogits)
        let architecture = MLPArchitecture(inputs: inputs, hidden: Array(benchmark.widths.dropFirst().dropLast()), outputs: classes)
        let step = TrainingStep(model: MLP(architecture, generator: &generator), optimizer: .adam(.init(learningRate: 1e-3)),
                                objective: objective, batchCapacity: benchmark.batch)
        let batch = Array(0..<benchmark.batch)[...]
        var phases = [[Double]](repeating: [], count: 4)
        let warmUp = max(5, benchmark.steps / 10)
        for index in 0..<(warmUp + benchmark.steps) {
            let t0 = nanoseconds()
            step.forward(features, examples: batch)
            let t1 = nanoseconds()
            _ = step.loss(examples: batch)
            let t2 = nanoseconds()
            step.backward()
            let t3 = nanoseconds()
            step.update()
            let t4 = nanoseconds()
            guard index >= warmUp else { continue }
            for (phase, (start, end)) in [(t0, t1), (t1, t2), (t2, t3), (t3, t4)].enumerated() {
                phases[phase].append(Double(end - start) / 1000)
            }
        }
        let medians = phases.map(median)
        let forwardFlops = zip(benchmark.widths, benchmark.widths.dropFirst()).reduce(0) { $0 + 2 * benchmark.batch * $1.0 * $1.1 }
        let flops = Double(3 * forwardFlops - 2 * benchmark.batch * benchmark.widths[0] * benchmark.widths[1])
        let total = medians.reduce(0, +)
        return Result(name: benchmark.name, forward: medians[0], kdLoss: medians[1], backward: medians[2],
                      optimizer: medians[3], gflops: flops / (total * 1000))
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? " " + self : String(repeating: " ", count: width - count) + self
    }
}
