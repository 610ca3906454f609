// The three matrix products a dense layer needs. Each is written in "axpy" form: the inner
// loop adds a scalar times a contiguous row into a contiguous row. That loop vectorises
// without reordering any sum, so every output element is accumulated in the same order
// whatever the vector width: results are bit-identical on every x86_64 machine.

/// `c[m×n] = a[m×k] · b[k×n]` (c is overwritten).
func multiply<T: TrainingScalar>(_ a: UnsafePointer<T>, _ b: UnsafePointer<T>, into c: UnsafeMutablePointer<T>,
              m: Int, k: Int, n: Int) {
    c.update(repeating: 0, count: m * n)
    for i in 0..<m {
        let cRow = c + i * n
        for p in 0..<k {
            let scale = a[i * k + p]
            if scale == 0 { continue }  // ReLU makes many inputs exactly zero
            let bRow = b + p * n
            for j in 0..<n { cRow[j] += scale * bRow[j] }
        }
    }
}

/// `c[m×n] += aᵀ · b` where `a` is `k×m` and `b` is `k×n` (accumulates into c).
func accumulateTransposedProduct<T: TrainingScalar>(_ a: UnsafePointer<T>, _ b: UnsafePointer<T>,
                                 into c: UnsafeMutablePointer<T>, k: Int, m: Int, n: Int) {
    for p in 0..<k {
        let aRow = a + p * m
        let bRow = b + p * n
        for i in 0..<m {
            let scale = aRow[i]
            if scale == 0 { continue }
            let cRow = c + i * n
            for j in 0..<n { cRow[j] += scale * bRow[j] }
        }
    }
}

/// Writes the transpose of `a[rows×columns]` into `out[columns×rows]`.
func transpose<T: TrainingScalar>(_ a: UnsafePointer<T>, into out: UnsafeMutablePointer<T>, rows: Int, columns: Int) {
    for r in 0..<rows {
        for c in 0..<columns { out[c * rows + r] = a[r * columns + c] }
    }
}
