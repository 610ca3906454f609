/// sums[j] = 0 + m[0, j] + m[1, j] + … + m[rows − 1, j], in that order, for a row-major
/// `rows × columns` matrix (a layer's bias gradient: the sum of ∂loss/∂y over the batch).
///
/// Float keeps sixteen columns' running sums in two registers across all the rows — the plain loop
/// through memory waits on a store and a load for every addition, and each column's additions
/// form a chain that only other columns can overlap — and each lane still adds its column's
/// values in row order, so the bits are the plain loop's. Other precisions take the plain loop.
func columnSums<T: TrainingScalar>(_ m: UnsafePointer<T>, rows: Int, columns: Int, into sums: UnsafeMutablePointer<T>) {
    guard T.self == Float.self else {
        sums.update(repeating: 0, count: columns)
        for r in 0..<rows {
            for j in 0..<columns { sums[j] += m[r * columns + j] }
        }
        return
    }
    floatColumnSums(UnsafeRawPointer(m).assumingMemoryBound(to: Float.self), rows: rows, columns: columns,
                    into: UnsafeMutableRawPointer(sums).assumingMemoryBound(to: Float.self))
}

private func floatColumnSums(_ m: UnsafePointer<Float>, rows: Int, columns: Int, into sums: UnsafeMutablePointer<Float>) {
    typealias Lanes = SIMD8<Float>
    let count = rows * columns
    let lane = Lanes(0, 1, 2, 3, 4, 5, 6, 7)
    /// Eight values from `start`, lanes at or past `width` zeroed (they read the next row's
    /// values, or nothing near the end of the matrix), so those lanes' sums stay 0.
    func load(_ start: Int, width: Int) -> Lanes {
        guard width > 0 else { return Lanes() }
        if start + 8 <= count {
            return UnsafeRawPointer(m + start).loadUnaligned(as: Lanes.self).replacing(with: 0, where: lane .>= Float(width))
        }
        var values = Lanes()
        for index in 0..<min(width, 8) { values[index] = m[start + index] }
        return values
    }
    // Sixteen columns per pass over the rows, in two registers.
    for first in stride(from: 0, to: columns, by: 16) {
        let width = min(16, columns - first)
        var low = Lanes(), high = Lanes()
        for r in 0..<rows {
            let start = r * columns + first
            low += load(start, width: width)
            high += load(start + 8, width: width - 8)
        }
        for index in 0..<width { sums[first + index] = index < 8 ? low[index] : high[index - 8] }
    }
}
