import Dispatch

// The matrix products of the dense layers.
//
// Determinism first: every output element is accumulated in one fixed order — its starting
// value, then the products for p = 0, 1, …, k−1, each rounded (no fused multiply-add, no
// reassociation). Register tiles, SIMD width, the split between threads and the scalar edge
// loops all follow that order, so results are bit-identical on any x86_64 machine, with any
// number of threads, in debug and release builds.
//
// Speed: c is computed in 4 × 8 tiles held in registers for the whole k loop (each tile of c is
// read once and written once); the 8 columns of b a tile needs are first packed into a
// contiguous, zero-padded panel that stays in cache while the tiles run down the rows; large
// products are split by column blocks over two cores.

/// A read-only matrix operand addressed through strides: element (row, p) is at
/// `base[row * rowStride + p * columnStride]`. A plain row-major k-column matrix has strides
/// (k, 1); its transpose (stored k × m) has strides (1, m).
struct StridedOperand<T> {
    let base: UnsafePointer<T>
    let rowStride: Int
    let columnStride: Int
}

/// `c[m×n] = a[m×k] · b[k×n]` (c is overwritten).
func multiply<T: TrainingScalar>(_ a: UnsafePointer<T>, _ b: UnsafePointer<T>, into c: UnsafeMutablePointer<T>,
                                 m: Int, k: Int, n: Int) {
    product(StridedOperand(base: a, rowStride: k, columnStride: 1), b, c, m: m, k: k, n: n, accumulate: false)
}

/// `c[m×n] += aᵀ · b` where `a` is `k×m` and `b` is `k×n`.
func accumulateTransposedProduct<T: TrainingScalar>(_ a: UnsafePointer<T>, _ b: UnsafePointer<T>,
                                                    into c: UnsafeMutablePointer<T>, k: Int, m: Int, n: Int) {
    product(StridedOperand(base: a, rowStride: 1, columnStride: m), b, c, m: m, k: k, n: n, accumulate: true)
}

/// Writes the transpose of `a[rows×columns]` into `out[columns×rows]`, in 8 × 8 blocks so both
/// sides are read and written a cache line at a time.
func transpose<T: TrainingScalar>(_ a: UnsafePointer<T>, into out: UnsafeMutablePointer<T>, rows: Int, columns: Int) {
    let block = 8
    for r0 in stride(from: 0, to: rows, by: block) {
        for c0 in stride(from: 0, to: columns, by: block) {
            for r in r0..<min(r0 + block, rows) {
                for c in c0..<min(c0 + block, columns) { out[c * rows + r] = a[r * columns + c] }
            }
        }
    }
}

/// Below this many multiply-adds a product runs on one thread: handing half to a second core
/// costs more than it saves (measured with `distillery-bench core`).
private let parallelThreshold = 1 << 23
private let tileRows = 4
private let tileColumns = 8

/// c (m×n, row-major) = [c +] a·b with `a` strided (m×k) and `b` row-major (k×n).
/// Float, the training precision, takes the SIMD kernel; other precisions (Double, in tests)
/// take the plain loop, which accumulates in the same order.
private func product<T: TrainingScalar>(_ a: StridedOperand<T>, _ b: UnsafePointer<T>, _ c: UnsafeMutablePointer<T>,
                                        m: Int, k: Int, n: Int, accumulate: Bool) {
    guard T.self == Float.self else {
        edge(a, b, c, rows: 0..<m, columns: 0..<n, k: k, n: n, accumulate: accumulate)
        return
    }
    let a = StridedOperand(base: UnsafeRawPointer(a.base).assumingMemoryBound(to: Float.self),
                           rowStride: a.rowStride, columnStride: a.columnStride)
    let b = UnsafeRawPointer(b).assumingMemoryBound(to: Float.self)
    let c = UnsafeMutableRawPointer(c).assumingMemoryBound(to: Float.self)
    let columnBlocks = (n + tileColumns - 1) / tileColumns
    let threads = m * n * k >= parallelThreshold && columnBlocks >= 2 ? 2 : 1
    if threads == 1 {
        productColumns(a, b, c, m: m, k: k, n: n, columns: 0..<n, accumulate: accumulate)
        return
    }
    // Each thread owns whole column blocks: no element of c is touched by two threads.
    let shared = SharedPointers(a: a, b: b, c: c)
    DispatchQueue.concurrentPerform(iterations: threads) { part in
        let firstBlock = columnBlocks * part / threads, endBlock = columnBlocks * (part + 1) / threads
        let columns = (firstBlock * tileColumns)..<min(endBlock * tileColumns, n)
        productColumns(shared.a, shared.b, shared.c, m: m, k: k, n: n, columns: columns, accumulate: accumulate)
    }
}

/// Pointers handed to worker threads, which write disjoint parts of `c`.
private struct SharedPointers: @unchecked Sendable {
    let a: StridedOperand<Float>
    let b: UnsafePointer<Float>
    let c: UnsafeMutablePointer<Float>
}

/// The product restricted to the given columns of c, one 8-column block at a time. Each block's
/// columns of b are first copied into a contiguous k × 8 panel (zero-padded past the last
/// column of b), so the tiles read b sequentially and narrow or ragged matrices take the same
/// SIMD path; padded lanes are computed and never stored.
private func productColumns(_ a: StridedOperand<Float>, _ b: UnsafePointer<Float>, _ c: UnsafeMutablePointer<Float>,
                            m: Int, k: Int, n: Int, columns: Range<Int>, accumulate: Bool) {
    let panel = UnsafeMutablePointer<Float>.allocate(capacity: max(k, 1) * tileColumns)
    defer { panel.deallocate() }
    for j in stride(from: columns.lowerBound, to: columns.upperBound, by: tileColumns) {
        let width = min(tileColumns, columns.upperBound - j)
        if width == tileColumns {
            for p in 0..<k { store(load(b + p * n + j), panel + p * tileColumns) }
        } else {  // element by element: narrow rows make memset and memcpy calls cost more than they move
            for p in 0..<k {
                let source = b + p * n + j, row = panel + p * tileColumns
                for q in 0..<tileColumns { row[q] = q < width ? source[q] : 0 }
            }
        }
        var i = 0
        while i + tileRows <= m {
            tile(a, UnsafePointer(panel), c, row: i, column: j, width: width, k: k, n: n, accumulate: accumulate)
            i += tileRows
        }
        while i < m {
            row(a, UnsafePointer(panel), c, row: i, column: j, width: width, k: k, n: n, accumulate: accumulate)
            i += 1
        }
    }
}

/// One 4 × 8 tile of c (of which the first `width` columns are real), accumulated in
/// registers over the whole k loop; `panel` holds the tile's columns of b as k rows of 8.
@inline(__always)
private func tile(_ a: StridedOperand<Float>, _ panel: UnsafePointer<Float>, _ c: UnsafeMutablePointer<Float>,
                  row i: Int, column j: Int, width: Int, k: Int, n: Int, accumulate: Bool) {
    let c0 = c + i * n + j, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n
    var acc0 = SIMD8<Float>(repeating: 0), acc1 = acc0, acc2 = acc0, acc3 = acc0
    if accumulate {
        acc0 = load(c0, width); acc1 = load(c1, width); acc2 = load(c2, width); acc3 = load(c3, width)
    }
    let a0 = a.base + i * a.rowStride, a1 = a0 + a.rowStride, a2 = a1 + a.rowStride, a3 = a2 + a.rowStride
    var bRow = panel
    var offset = 0
    for _ in 0..<k {
        let bValues = load(bRow)
        acc0 += bValues * a0[offset]
        acc1 += bValues * a1[offset]
        acc2 += bValues * a2[offset]
        acc3 += bValues * a3[offset]
        bRow += tileColumns
        offset &+= a.columnStride
    }
    store(acc0, c0, width); store(acc1, c1, width); store(acc2, c2, width); store(acc3, c3, width)
}

/// A single row of a tile, for the rows left over below the last whole tile.
@inline(__always)
private func row(_ a: StridedOperand<Float>, _ panel: UnsafePointer<Float>, _ c: UnsafeMutablePointer<Float>,
                 row i: Int, column j: Int, width: Int, k: Int, n: Int, accumulate: Bool) {
    let c0 = c + i * n + j
    var acc = accumulate ? load(c0, width) : SIMD8<Float>(repeating: 0)
    let a0 = a.base + i * a.rowStride
    var bRow = panel
    var offset = 0
    for _ in 0..<k {
        acc += load(bRow) * a0[offset]
        bRow += tileColumns
        offset &+= a.columnStride
    }
    store(acc, c0, width)
}

/// Plain loops for precisions without a SIMD kernel, in the same accumulation order as the
/// tiles.
private func edge<T: TrainingScalar>(_ a: StridedOperand<T>, _ b: UnsafePointer<T>, _ c: UnsafeMutablePointer<T>,
                                     rows: Range<Int>, columns: Range<Int>, k: Int, n: Int, accumulate: Bool) {
    guard !rows.isEmpty, !columns.isEmpty else { return }
    for i in rows {
        let aRow = a.base + i * a.rowStride
        for j in columns {
            var sum: T = accumulate ? c[i * n + j] : 0
            for p in 0..<k { sum += aRow[p * a.columnStride] * b[p * n + j] }
            c[i * n + j] = sum
        }
    }
}

@inline(__always)
private func load(_ pointer: UnsafePointer<Float>) -> SIMD8<Float> {
    UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<Float>.self)
}

@inline(__always)
private func load(_ pointer: UnsafeMutablePointer<Float>) -> SIMD8<Float> {
    UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<Float>.self)
}

@inline(__always)
private func store(_ value: SIMD8<Float>, _ pointer: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: SIMD8<Float>.self)
}

/// The first `width` lanes from memory, zeros in the others (never reads past `width`).
@inline(__always)
private func load(_ pointer: UnsafeMutablePointer<Float>, _ width: Int) -> SIMD8<Float> {
    if width == tileColumns { return load(pointer) }
    var value = SIMD8<Float>(repeating: 0)
    for lane in 0..<width { value[lane] = pointer[lane] }
    return value
}

/// Stores the first `width` lanes only.
@inline(__always)
private func store(_ value: SIMD8<Float>, _ pointer: UnsafeMutablePointer<Float>, _ width: Int) {
    if width == tileColumns { return store(value, pointer) }
    for lane in 0..<width { pointer[lane] = value[lane] }
}
