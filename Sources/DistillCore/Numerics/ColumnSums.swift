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
    typealias Bits = SIMD8<UInt32>
    let count = rows * columns
    let lane = Bits(0, 1, 2, 3, 4, 5, 6, 7)
    withUnsafeTemporaryAllocation(of: Float.self, capacity: 16) { buffer in
        let lastRow = buffer.baseAddress!
        // Sixteen columns per pass over the rows, in two registers of eight.
        for first in stride(from: 0, to: columns, by: 16) {
            let width = min(16, columns - first)
            // Lanes at or past `width` read the next row's values and are cleared (+0) before
            // they are added, so their sums stay 0.
            let keepLow = Bits().replacing(with: ~0, where: lane .< UInt32(min(width, 8)))
            let keepHigh = Bits().replacing(with: ~0, where: lane &+ 8 .< UInt32(width))
            func values(_ row: UnsafePointer<Float>, _ keep: Bits) -> Lanes {
                unsafeBitCast(UnsafeRawPointer(row).loadUnaligned(as: Bits.self) & keep, to: Lanes.self)
            }
            // The rows whose sixteen values from the block's first column lie inside the matrix;
            // the others are copied into a zeroed row first.
            let inside = first + 16 <= count ? min(rows, (count - first - 16) / columns + 1) : 0
            var low = Lanes(), high = Lanes()
            if width > 8 {
                for r in 0..<inside {
                    let row = m + r * columns + first
                    low += values(row, keepLow)
                    high += values(row + 8, keepHigh)
                }
            } else {
                for r in 0..<inside { low += values(m + r * columns + first, keepLow) }
            }
            for r in inside..<rows {
                lastRow.update(repeating: 0, count: 16)
                lastRow.update(from: m + r * columns + first, count: width)
                low += values(lastRow, keepLow)
                high += values(lastRow + 8, keepHigh)
            }
            for index in 0..<width { sums[first + index] = index < 8 ? low[index] : high[index - 8] }
        }
    }
}
