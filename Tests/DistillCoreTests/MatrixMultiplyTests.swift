import CMatrixKernels
import Testing
@testable import DistillCore

/// The tiled, packed, threaded kernels against the textbook triple loop: bit-identical, because
/// both accumulate each element in the same order (start value, then p = 0, 1, …). Shapes cover
/// partial tiles on both edges, several passes over k (k > 256), and the two-thread split
/// (m·n·k ≥ 2²³).
@Suite struct MatrixMultiplyTests {
    static let shapes = [(1, 1, 1), (3, 5, 7), (4, 8, 8), (5, 9, 13), (6, 16, 16), (13, 4, 10), (120, 10, 3),
                         (37, 29, 17), (512, 128, 160), (7, 600, 35), (130, 520, 131)]

    func random(_ count: Int, seed: UInt64) -> [Float] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in generator.nextFloat(in: -3, 3) }
    }

    /// c = [start +] Σ_p a(i, p)·b(p, j), added in order p = 0, 1, …, each step rounded.
    func reference(_ a: (Int, Int) -> Float, _ b: (Int, Int) -> Float, start: [Float]?, m: Int, k: Int, n: Int) -> [Float] {
        var c = [Float](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var sum: Float = start?[i * n + j] ?? 0
                for p in 0..<k { sum += a(i, p) * b(p, j) }
                c[i * n + j] = sum
            }
        }
        return c
    }

    @Test(arguments: shapes)
    func productMatchesTheTripleLoopBitForBit(m: Int, k: Int, n: Int) {
        let a = random(m * k, seed: 1), b = random(k * n, seed: 2)
        let expected = reference({ a[$0 * k + $1] }, { b[$0 * n + $1] }, start: nil, m: m, k: k, n: n)
        var c = [Float](repeating: .nan, count: m * n)
        c.withUnsafeMutableBufferPointer { multiply(a, b, into: $0.baseAddress!, m: m, k: k, n: n) }
        #expect(c == expected)
    }

    @Test(arguments: shapes)
    func productWithTransposedWeightsAndBiasMatchesBitForBit(m: Int, k: Int, n: Int) {
        let a = random(m * k, seed: 7), w = random(n * k, seed: 8), bias = random(n, seed: 13)
        var expected = reference({ a[$0 * k + $1] }, { w[$1 * k + $0] }, start: nil, m: m, k: k, n: n)
        for i in 0..<m { for j in 0..<n { expected[i * n + j] += bias[j] } }  // after the whole sum
        var c = [Float](repeating: .nan, count: m * n)
        c.withUnsafeMutableBufferPointer { multiplyByTranspose(a, w, plus: bias, into: $0.baseAddress!, m: m, k: k, n: n) }
        #expect(c == expected)
    }

    @Test(arguments: [(1, 1, 1), (6, 3, 11), (120, 10, 4), (64, 33, 9), (300, 40, 160), (600, 7, 21), (128, 300, 300)])
    func transposedProductMatchesBitForBit(k: Int, m: Int, n: Int) {
        let a = random(k * m, seed: 3), b = random(k * n, seed: 4)
        let expected = reference({ a[$1 * m + $0] }, { b[$0 * n + $1] }, start: nil, m: m, k: k, n: n)
        var c = [Float](repeating: .nan, count: m * n)
        c.withUnsafeMutableBufferPointer { multiplyTransposed(a, b, into: $0.baseAddress!, k: k, m: m, n: n) }
        #expect(c == expected)
    }

    /// Every kernel this machine can run gives the same bits, for products with a bias and
    /// accumulating products — the claim that lets a report built on an AVX machine match one built without.
    @Test(arguments: shapes)
    func everyKernelGivesTheSameBits(m: Int, k: Int, n: Int) {
        let a = random(m * k, seed: 9), b = random(k * n, seed: 10), start = random(m * n, seed: 11)
        let bias = random(n, seed: 14)
        let kernels = FloatKernel.allCases.filter(\.isAvailable)
        #expect(kernels.contains(.portable))
        var results: [[Float]] = []
        for kernel in kernels {
            for accumulate in [false, true] {
                var c = start
                a.withUnsafeBufferPointer { a in
                    b.withUnsafeBufferPointer { b in
                        bias.withUnsafeBufferPointer { bias in
                            c.withUnsafeMutableBufferPointer { c in
                                floatProduct(MKOperand(base: a.baseAddress!, row_stride: k, column_stride: 1),
                                             MKOperand(base: b.baseAddress!, row_stride: n, column_stride: 1),
                                             c.baseAddress!, m: m, k: k, n: n, accumulate: accumulate,
                                             bias: accumulate ? nil : bias.baseAddress!, kernel: kernel)
                            }
                        }
                    }
                }
                results.append(c)
            }
        }
        var plain = reference({ a[$0 * k + $1] }, { b[$0 * n + $1] }, start: nil, m: m, k: k, n: n)
        for i in 0..<m { for j in 0..<n { plain[i * n + j] += bias[j] } }
        let accumulated = reference({ a[$0 * k + $1] }, { b[$0 * n + $1] }, start: start, m: m, k: k, n: n)
        for (index, result) in results.enumerated() {
            #expect(result == (index % 2 == 0 ? plain : accumulated), "kernel \(kernels[index / 2])")
        }
    }

    @Test func emptyDepthGivesZerosOrLeavesTheStart() {
        let start: [Float] = [1, 2, 3, 4, 5, 6]
        for kernel in FloatKernel.allCases.filter(\.isAvailable) {
            for accumulate in [false, true] {
                var c = start
                let none: [Float] = [0]
                none.withUnsafeBufferPointer { p in
                    c.withUnsafeMutableBufferPointer { c in
                        floatProduct(MKOperand(base: p.baseAddress!, row_stride: 0, column_stride: 1),
                                     MKOperand(base: p.baseAddress!, row_stride: 3, column_stride: 1),
                                     c.baseAddress!, m: 2, k: 0, n: 3, accumulate: accumulate, kernel: kernel)
                    }
                }
                #expect(c == (accumulate ? start : [0, 0, 0, 0, 0, 0]))
            }
        }
    }
}

/// A layer's bias gradient, the column sums of ∂loss/∂y, must have the plain loop's bits: eight
/// columns per register, each still added in row order.
@Suite struct ColumnSumsTests {
    @Test(arguments: [(1, 1), (5, 3), (120, 10), (7, 17), (3, 8), (2, 16), (30, 3)])
    func registerSumsEqualThePlainLoop(rows: Int, columns: Int) {
        var generator = SeededGenerator(seed: UInt64(rows * 1000 + columns))
        var m = (0..<(rows * columns)).map { _ in Float(Int(generator.next() % 20001) - 10000) / 7919 }
        m[0] = -0.0  // 0 + (−0) is +0 in both
        if m.count > 2 { m[2] = 3e38 }  // overflows to +∞ once added to a large partial sum
        if m.count > 2 + columns { m[2 + columns] = 3e38 }
        var expected = [Float](repeating: 0, count: columns)
        for r in 0..<rows { for j in 0..<columns { expected[j] += m[r * columns + j] } }
        var sums = [Float](repeating: .nan, count: columns)
        m.withUnsafeBufferPointer { m in
            sums.withUnsafeMutableBufferPointer { columnSums(m.baseAddress!, rows: rows, columns: columns, into: $0.baseAddress!) }
        }
        #expect(sums.map(\.bitPattern) == expected.map(\.bitPattern))
    }
}
