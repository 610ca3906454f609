import Testing
@testable import DistillCore

/// The tiled, threaded SIMD products against the textbook triple loop: bit-identical, because
/// both accumulate each element in the same order (start value, then p = 0, 1, …).
@Suite struct MatrixMultiplyTests {
    func random(_ count: Int, seed: UInt64) -> [Float] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in generator.nextFloat(in: -3, 3) }
    }

    @Test(arguments: [(1, 1, 1), (3, 5, 7), (4, 8, 8), (5, 9, 13), (13, 4, 10), (120, 10, 3), (37, 29, 17), (512, 128, 160)])
    func productMatchesTheTripleLoopBitForBit(m: Int, k: Int, n: Int) {
        let a = random(m * k, seed: 1), b = random(k * n, seed: 2)
        var expected = [Float](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var sum: Float = 0
                for p in 0..<k { sum += a[i * k + p] * b[p * n + j] }
                expected[i * n + j] = sum
            }
        }
        var c = [Float](repeating: .nan, count: m * n)
        c.withUnsafeMutableBufferPointer { multiply(a, b, into: $0.baseAddress!, m: m, k: k, n: n) }
        #expect(c == expected)
    }

    @Test(arguments: [(1, 1, 1), (6, 3, 11), (120, 10, 4), (64, 33, 9), (300, 40, 160)])
    func transposedProductAccumulatesBitForBit(k: Int, m: Int, n: Int) {
        let a = random(k * m, seed: 3), b = random(k * n, seed: 4), start = random(m * n, seed: 5)
        var expected = start
        for i in 0..<m {
            for j in 0..<n {
                var sum = start[i * n + j]
                for p in 0..<k { sum += a[p * m + i] * b[p * n + j] }
                expected[i * n + j] = sum
            }
        }
        var c = start
        c.withUnsafeMutableBufferPointer { accumulateTransposedProduct(a, b, into: $0.baseAddress!, k: k, m: m, n: n) }
        #expect(c == expected)
    }

    @Test func transposeInBlocks() {
        let a = random(13 * 9, seed: 6)
        var out = [Float](repeating: 0, count: 13 * 9)
        out.withUnsafeMutableBufferPointer { transpose(a, into: $0.baseAddress!, rows: 13, columns: 9) }
        for r in 0..<13 { for c in 0..<9 { #expect(out[c * 13 + r] == a[r * 9 + c]) } }
    }
}
