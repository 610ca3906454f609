/// Log-softmax of Float rows eight at a time, one row per SIMD lane (`RowLanes`), so every step
/// is a vector operation whatever the number of classes — three for Iris, where a row-wise
/// vector would be mostly empty. Each lane takes its row's maximum, exponentials, sum (in
/// Double, in index order), logarithm and reciprocal by exactly the operations of the scalar
/// row (`Softmax.logSoftmaxRow`'s generic path), so the bits are the same.
struct SoftmaxLanes {
    typealias Lanes = SIMD8<Float>
    let columns: Int
    /// Per column, the group's log q (after `load`).
    let logQ: UnsafeMutablePointer<Lanes>
    /// Per column, the group's q = softmax(z/T) (after `load`).
    let q: UnsafeMutablePointer<Lanes>
    /// Eight rows into which a last group of fewer than eight rows is stored before it is copied out.
    private let padded: UnsafeMutablePointer<Float>

    /// Runs `body` with lanes for rows of `columns` values, their buffers on the stack when small.
    static func with<Result>(columns: Int, _ body: (SoftmaxLanes) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: Lanes.self, capacity: 2 * columns) { lanes in
            withUnsafeTemporaryAllocation(of: Float.self, capacity: 8 * columns) { padded in
                body(SoftmaxLanes(columns: columns, logQ: lanes.baseAddress!, q: lanes.baseAddress! + columns,
                                  padded: padded.baseAddress!))
            }
        }
    }

    /// Computes log q and q for the eight rows of logits at `rows` (a group of
    /// `RowLanes.forEachGroup`).
    func load(_ rows: UnsafePointer<Float>, temperature: Float) {
        // max(m, x) is x when x ≥ m, else m: Swift's `max`, lane by lane.
        var maximum = Lanes(repeating: -.infinity)
        for c in 0..<columns {
            // z/1 is z, bit for bit: the common temperature skips the division.
            let column = RowLanes.gather(rows + c, stride: columns)
            let x = temperature == 1 ? column : column / temperature
            logQ[c] = x
            maximum = maximum.replacing(with: x, where: x .>= maximum)
        }
        var sum = SIMD8<Double>()
        for c in 0..<columns {
            logQ[c] -= maximum
            q[c] = exponential(logQ[c])
            sum += SIMD8<Double>(q[c])
        }
        let logSum = SIMD8<Float>(Self.logarithm(sum)), inverse = SIMD8<Float>(1 / sum)
        for c in 0..<columns {
            logQ[c] -= logSum
            q[c] *= inverse
        }
    }

    /// Writes the first `width` lanes of per-column lanes back as rows `first …` of `out`.
    func store(_ lanes: UnsafeMutablePointer<Lanes>, into out: UnsafeMutablePointer<Float>, first: Int, width: Int) {
        RowLanes.store(lanes, columns: columns, into: out, first: first, width: width, padded: padded)
    }

    /// ln of each lane's sum: eight at once when all are positive, finite and normal (a
    /// log-sum-exp is at least 1), else lane by lane — the same bits either way.
    private static func logarithm(_ sum: SIMD8<Double>) -> SIMD8<Double> {
        if all((sum .>= 0x1p-1022) .& (sum .< .infinity)) { return DistillCore.logarithm(sum) }
        var result = SIMD8<Double>()
        for lane in 0..<8 { result[lane] = DistillCore.logarithm(sum[lane]) }
        return result
    }
}
