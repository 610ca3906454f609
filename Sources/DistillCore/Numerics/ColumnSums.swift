/// sums[j] = 0 + m[0, j] + m[1, j] + … + m[rows − 1, j], in that order, for a row-major
/// `rows × columns` matrix (a layer's bias gradient: the sum of ∂loss/∂y over the batch).
///
/// Float keeps eight columns' running sums in one register across all the rows — the plain loop
/// through memory waits on a store and a load for every addition — and each lane still adds its
/// column's values in row order, so the bits are the plain loop's. Other precisions take the
/// plain loop.
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
    let count = rows * columns
    for first in stride(from: 0, to: columns, by: 8) {
        let width = min(8, columns - first)
        // Lanes past the block's columns read the next row's values (or nothing, near the end of
        // the matrix) and are zeroed before they are added, so they stay 0.
        let inside = SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7) .< Int32(width)
        var sum = SIMD8<Float>()
        for r in 0..<rows {
            let start = r * columns + first
            var values: SIMD8<Float>
            if start + 8 <= count {
                values = UnsafeRawPointer(m + start).loadUnaligned(as: SIMD8<Float>.self)
            } else {
                values = SIMD8<Float>()
                for lane in 0..<width { values[lane] = m[start + lane] }
            }
            sum += values.replacing(with: 0, where: .!inside)
        }
        for lane in 0..<width { sums[first + lane] = sum[lane] }
    }
}
