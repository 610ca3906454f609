import CMatrixKernels

// The matrix products of the dense layers.
//
// Determinism first: every output element is accumulated in one fixed order — its starting
// value, then the products for p = 0, 1, …, k−1, each rounded (no fused multiply-add, no
// reassociation). The Float kernels (CMatrixKernels: a baseline build and an AVX build, chosen
// at run time), their tiles, the passes over k, the split between threads and the edge tiles
// all keep that order, so results are bit-identical on any x86_64 machine, with any number of
// threads and either kernel, in debug and release builds. Double (the gradient checks) takes
// the plain loop, which adds in the same order.

/// A read-only matrix operand addressed through strides: element (row, p) is at
/// `base[row * rowStride + p * columnStride]`. A plain row-major k-column matrix has strides
/// (k, 1); its transpose (stored k × m) has strides (1, m).
struct StridedOperand<T> {
    let base: UnsafePointer<T>
    let rowStride: Int
    let columnStride: Int

    static func rowMajor(_ base: UnsafePointer<T>, columns: Int) -> Self {
        Self(base: base, rowStride: columns, columnStride: 1)
    }

    /// The transpose of a row-major matrix with `columns` columns.
    static func transposed(_ base: UnsafePointer<T>, columns: Int) -> Self {
        Self(base: base, rowStride: 1, columnStride: columns)
    }
}

/// `c[m×n] = a[m×k] · b[k×n]` (c is overwritten).
func multiply<T: TrainingScalar>(_ a: UnsafePointer<T>, _ b: UnsafePointer<T>, into c: UnsafeMutablePointer<T>,
                                 m: Int, k: Int, n: Int, scratch: ProductScratch? = nil) {
    product(.rowMajor(a, columns: k), .rowMajor(b, columns: n), c, m: m, k: k, n: n, scratch: scratch)
}

/// `c[m×n] = a[m×k] · wᵀ + bias` where `w` is `n×k` and `bias` has n values (a layer's forward
/// pass, weights as [out, in]); each element's bias is added after its last product.
func multiplyByTranspose<T: TrainingScalar>(_ a: UnsafePointer<T>, _ w: UnsafePointer<T>, plus bias: UnsafePointer<T>,
                                            into c: UnsafeMutablePointer<T>, m: Int, k: Int, n: Int,
                                            scratch: ProductScratch? = nil) {
    product(.rowMajor(a, columns: k), .transposed(w, columns: k), c, m: m, k: k, n: n, bias: bias, scratch: scratch)
}

/// `c[m×n] = aᵀ · b` where `a` is `k×m` and `b` is `k×n` (c is overwritten).
func multiplyTransposed<T: TrainingScalar>(_ a: UnsafePointer<T>, _ b: UnsafePointer<T>,
                                           into c: UnsafeMutablePointer<T>, k: Int, m: Int, n: Int,
                                           scratch: ProductScratch? = nil) {
    product(.transposed(a, columns: m), .rowMajor(b, columns: n), c, m: m, k: k, n: n, scratch: scratch)
}

/// Below this many multiply-adds a product runs on one thread: handing half to a second core
/// costs more than it saves (measured with `distillery-bench core`).
private let parallelThreshold = 1 << 23

/// c (m×n, row-major) = a·b [+ bias] with both operands strided. Float takes the selected
/// kernel, other precisions the plain loop.
private func product<T: TrainingScalar>(_ a: StridedOperand<T>, _ b: StridedOperand<T>, _ c: UnsafeMutablePointer<T>,
                                        m: Int, k: Int, n: Int, bias: UnsafePointer<T>? = nil, scratch: ProductScratch?) {
    guard T.self == Float.self else {
        plainProduct(a, b, c, m: m, k: k, n: n, bias: bias)
        return
    }
    floatProduct(MKOperand(a), MKOperand(b), UnsafeMutableRawPointer(c).assumingMemoryBound(to: Float.self),
                 m: m, k: k, n: n, accumulate: false,
                 bias: bias.map { UnsafeRawPointer($0).assumingMemoryBound(to: Float.self) }, kernel: .selected,
                 scratch: scratch)
}

/// The Float product through one kernel. a is packed once when several tile columns will read
/// it (in place otherwise), then the columns of c are split between up to two threads in whole
/// tiles, so no element is touched by two threads.
func floatProduct(_ a: MKOperand, _ b: MKOperand, _ c: UnsafeMutablePointer<Float>,
                  m: Int, k: Int, n: Int, accumulate: Bool, bias: UnsafePointer<Float>? = nil, kernel: FloatKernel,
                  scratch: ProductScratch? = nil) {
    guard m > 0, n > 0 else { return }
    let compiled = kernel.compiled
    let tileColumns = mk_tile_columns(compiled)
    let columnTiles = (n + tileColumns - 1) / tileColumns
    let threads = m * n * k >= parallelThreshold && columnTiles >= 2 ? 2 : 1
    let packedCount = columnTiles > 1 ? mk_packed_rows_count(compiled, m, k) : 0
    // Each thread's panels are sized for the larger share of column tiles.
    let panelsCount = mk_panels_count(compiled, k, (columnTiles + threads - 1) / threads * tileColumns)
    func run(_ scratch: UnsafeMutablePointer<Float>) {
        let packed = packedCount > 0 ? scratch : nil
        if let packed { mk_pack_rows(compiled, a, m, k, packed) }
        let split = ColumnSplit(kernel: compiled, packed: packed, a: a, b: b, bias: bias, c: c, m: m, k: k, n: n,
                                accumulate: accumulate, threads: threads, tileColumns: tileColumns,
                                panels: scratch + packedCount, panelsCount: panelsCount)
        runParts(threads, split.run)
    }
    let count = max(1, packedCount + threads * panelsCount)
    if let scratch { return run(scratch.floats(count)) }
    withUnsafeTemporaryAllocation(of: Float.self, capacity: count) { run($0.baseAddress!) }
}

/// Scratch memory for the Float products of one training run, kept by its workspace: a
/// product's packed panels are too large for the stack, and a heap allocation for every
/// product of every step costs more than the smallest products themselves. Grows to the
/// largest request and is reused; never shared between runs.
final class ProductScratch {
    private var buffer: UnsafeMutablePointer<Float>?
    private var capacity = 0

    /// At least `count` floats, valid until the next call.
    func floats(_ count: Int) -> UnsafeMutablePointer<Float> {
        if let buffer, count <= capacity { return buffer }
        buffer?.deallocate()
        let grown = UnsafeMutablePointer<Float>.allocate(capacity: count)
        (buffer, capacity) = (grown, count)
        return grown
    }

    deinit { buffer?.deallocate() }
}

/// One product's share for each thread: the threads read a (or its packed copy) and b, write
/// disjoint column ranges of c, and pack b into panels of their own.
private struct ColumnSplit: @unchecked Sendable {
    let kernel: MKKernel
    let packed: UnsafeMutablePointer<Float>?
    let a: MKOperand, b: MKOperand
    let bias: UnsafePointer<Float>?
    let c: UnsafeMutablePointer<Float>
    let m: Int, k: Int, n: Int
    let accumulate: Bool
    let threads: Int, tileColumns: Int
    let panels: UnsafeMutablePointer<Float>
    let panelsCount: Int

    func run(part: Int) {
        let columns = slice(part, of: threads, count: n, alignment: tileColumns)
        mk_product_columns(kernel, packed, a, b, bias, c, n, m, k, columns.lowerBound, columns.upperBound, accumulate ? 1 : 0,
                           panels + part * panelsCount)
    }
}

extension MKOperand {
    init(_ operand: StridedOperand<some TrainingScalar>) {
        self.init(base: UnsafeRawPointer(operand.base).assumingMemoryBound(to: Float.self),
                  row_stride: operand.rowStride, column_stride: operand.columnStride)
    }
}

/// The plain loop for precisions without a kernel, in the kernels' order of additions.
private func plainProduct<T: TrainingScalar>(_ a: StridedOperand<T>, _ b: StridedOperand<T>, _ c: UnsafeMutablePointer<T>,
                                             m: Int, k: Int, n: Int, bias: UnsafePointer<T>?) {
    for i in 0..<m {
        for j in 0..<n {
            var sum: T = 0
            for p in 0..<k { sum += a.base[i * a.rowStride + p * a.columnStride] * b.base[p * b.rowStride + j * b.columnStride] }
            if let bias { sum += bias[j] }
            c[i * n + j] = sum
        }
    }
}
