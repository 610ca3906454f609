/// What training a network costs, in floating-point operations or their equivalent in time, so
/// that a budget bounds how long a run takes and not only its arithmetic.
///
/// The arithmetic: a multiply-add is 2 operations, the backward pass costs twice the forward
/// one, and every epoch also evaluates the test set. Beside it, each optimiser step has a fixed
/// cost (the layers' bookkeeping, Adam's update, the loss set-up) and each example one of its
/// own (the softmax and loss of its row); for a small network in small batches these are all
/// of the time: `hidden: [1]` with `batch_size: 1` on digits does 794 kFLOP an epoch but takes
/// 6 ms. Both are counted as the operations the same time would hold at the rate the budget
/// assumes (50 GFLOP/s: the default 5 TFLOP is about 100 s on the two-core development machine).
/// Measured there, release build, 2026-12-03: 4.2 µs a step (digits, one hidden unit, batches
/// of one), 81 ns an example (the same network, full batch); a 64-512-512-10 network ran at
/// about 107 GFLOP/s in full batches, so the estimate errs on the side of refusing. In small
/// batches a wide network is bound by memory, not arithmetic — every step reads and writes all
/// its weights, gradients and Adam's moments — which costs about 2 ns a parameter a step
/// (64-512-512-10 in batches of one: 578 µs a step for 301,066 parameters; 4-2048-2048-3 on
/// Iris: 9.5 ms a step).
public enum TrainingCost {
    /// The operations a budget counts per second of training.
    public static let assumedRate = 50e9
    /// A step's fixed cost, as operations at `assumedRate` (4 µs).
    public static let perStep = 4e-6 * assumedRate
    /// An example's fixed cost per epoch, trained or evaluated, as operations (80 ns).
    public static let perExample = 80e-9 * assumedRate
    /// A parameter's cost in each step, as operations (2 ns): weights, gradients and moments
    /// moved through memory.
    public static let perParameterStep = 2e-9 * assumedRate

    /// The cost of `runs` runs of `epochs` epochs of a network with `parameters` parameters,
    /// trained on `trainExamples` in batches of `batchSize` (nil: all at once) and evaluated
    /// on `testExamples` every epoch.
    public static func estimate(parameters: Int, trainExamples: Int, testExamples: Int, batchSize: Int?,
                                epochs: Int, runs: Int) -> Double {
        let batch = max(1, min(batchSize ?? trainExamples, trainExamples))
        let steps = Double((trainExamples + batch - 1) / batch)
        let arithmetic = Double(parameters) * (6 * Double(trainExamples) + 2 * Double(testExamples))
        let fixed = steps * (perStep + Double(parameters) * perParameterStep) + Double(trainExamples + testExamples) * perExample
        return Double(runs) * Double(epochs) * (arithmetic + fixed)
    }

    /// The cost of `runs` forward passes of a network over `examples` (a teacher's logits for
    /// each student it teaches).
    public static func inference(parameters: Int, examples: Int, runs: Int) -> Double {
        Double(runs) * Double(examples) * (2 * Double(parameters) + perExample)
    }
}
