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

    /// rows[0][c], rows[1][c], …, rows[7][c]: one column of eight rows found through pointers.
    @inline(__always)
    static func gather(rows: UnsafePointer<UnsafePointer<Float>>, column c: Int) -> Lanes {
        Lanes(rows[0][c], rows[1][c], rows[2][c], rows[3][c], rows[4][c], rows[5][c], rows[6][c], rows[7][c])
    }

    /// The inverse of `gather`.
    @inline(__always)
    static func scatter(_ value: Lanes, _ x: UnsafeMutablePointer<Float>, stride: Int) {
        x[0] = value[0]; x[stride] = value[1]; x[2 * stride] = value[2]; x[3 * stride] = value[3]
        x[4 * stride] = value[4]; x[5 * stride] = value[5]; x[6 * stride] = value[6]; x[7 * stride] = value[7]
    }

    /// The labels `label(0) … label(count − 1)` (count ≤ 8, asked for in lane order) as Floats,
    /// −1 in unused lanes: exact for any class count we meet, and compared as Floats because the
    /// vector compare of Int32 lanes compiles to a lane-by-lane loop through memory. A whole
    /// group is built from registers.
    @inline(__always)
    static func labels(count: Int, _ label: (_ lane: Int) -> Int) -> Lanes {
        guard count == 8 else {
            var lanes = Lanes(repeating: -1)
            for lane in 0..<count { lanes[lane] = Float(label(lane)) }
            return lanes
        }
        return Lanes(Float(label(0)), Float(label(1)), Float(label(2)), Float(label(3)),
                     Float(label(4)), Float(label(5)), Float(label(6)), Float(label(7)))
    }

    /// Writes the first `width` lanes of per-column lanes (`columns` of them) back as rows
    /// `first …` of `out`; a group of fewer than eight goes through `padded` (eight rows).
    static func store(_ lanes: UnsafePointer<Lanes>, columns: Int, into out: UnsafeMutablePointer<Float>, first: Int,
                      width: Int, padded: UnsafeMutablePointer<Float>) {
        let rows = out + first * columns
        guard width == 8 else {
            for c in 0..<columns { scatter(lanes[c], padded + c, stride: columns) }
            rows.update(from: padded, count: width * columns)
            return
        }
        for c in 0..<columns { scatter(lanes[c], rows + c, stride: columns) }
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
