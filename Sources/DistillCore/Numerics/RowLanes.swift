/// Eight rows of a row-major Float matrix in the lanes of vectors, one row per lane: how the loss
/// and the accuracy count work on a few classes at a time without mostly empty vectors. Values
/// enter from scalar loads and leave by lane extractions, in registers: building a vector in
/// memory lane by lane and loading it whole stalls the processor (the wide load cannot be
/// forwarded from the narrow stores).
enum RowLanes {
    typealias Lanes = SIMD8<Float>

    /// x[0], x[stride], …, x[7·stride]: one column of eight consecutive rows.
    @inline(__always)
    static func gather(_ x: UnsafePointer<Float>, stride: Int) -> Lanes {
        Lanes(x[0], x[stride], x[2 * stride], x[3 * stride], x[4 * stride], x[5 * stride], x[6 * stride], x[7 * stride])
    }

    /// The inverse of `gather`.
    @inline(__always)
    static func scatter(_ value: Lanes, _ x: UnsafeMutablePointer<Float>, stride: Int) {
        x[0] = value[0]; x[stride] = value[1]; x[2 * stride] = value[2]; x[3 * stride] = value[3]
        x[4 * stride] = value[4]; x[5 * stride] = value[5]; x[6 * stride] = value[6]; x[7 * stride] = value[7]
    }

    /// The next `count` (≤ 8) labels as Floats, −1 in unused lanes: exact for any class count we
    /// meet, and compared as Floats because the vector compare of Int32 lanes compiles to a
    /// lane-by-lane loop through memory. A whole group is built from registers.
    @inline(__always)
    static func labels(_ labels: inout some IteratorProtocol<Int>, count: Int) -> Lanes {
        guard count == 8 else {
            var lanes = Lanes(repeating: -1)
            for lane in 0..<count { lanes[lane] = Float(labels.next()!) }
            return lanes
        }
        let l = (labels.next()!, labels.next()!, labels.next()!, labels.next()!,
                 labels.next()!, labels.next()!, labels.next()!, labels.next()!)
        return Lanes(Float(l.0), Float(l.1), Float(l.2), Float(l.3), Float(l.4), Float(l.5), Float(l.6), Float(l.7))
    }

    /// Runs `body` for each group of up to eight rows of `rows` rows of `columns` values at `x`,
    /// with a pointer to the group's rows and its width; a last group of fewer than eight rows is
    /// copied into eight zero rows first, so `gather` may always read eight.
    static func forEachGroup(_ x: UnsafePointer<Float>, rows: Int, columns: Int,
                             _ body: (_ group: UnsafePointer<Float>, _ first: Int, _ width: Int) -> Void) {
        let whole = rows - rows % 8
        for first in stride(from: 0, to: whole, by: 8) { body(x + first * columns, first, 8) }
        guard whole < rows else { return }
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 8 * columns) { padded in
            let padded = padded.baseAddress!
            padded.update(repeating: 0, count: 8 * columns)
            padded.update(from: x + whole * columns, count: (rows - whole) * columns)
            body(padded, whole, rows - whole)
        }
    }
}
