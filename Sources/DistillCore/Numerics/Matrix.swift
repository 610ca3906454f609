/// A dense, row-major matrix: `rows × columns`, element (r, c) at `values[r * columns + c]`.
/// A batch of examples is a matrix with one example per row.
public struct Matrix<Scalar: TrainingScalar>: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    public var values: [Scalar]

    public init(rows: Int, columns: Int, values: [Scalar]) {
        precondition(values.count == rows * columns, "matrix needs \(rows * columns) values, got \(values.count)")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    public init(zeros rows: Int, _ columns: Int) {
        self.init(rows: rows, columns: columns, values: [Scalar](repeating: 0, count: rows * columns))
    }

    public subscript(row: Int, column: Int) -> Scalar {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    public func row(_ index: Int) -> ArraySlice<Scalar> {
        values[(index * columns)..<((index + 1) * columns)]
    }

    /// The rows at the given indices, in that order.
    public func gatherRows(_ indices: [Int]) -> Matrix {
        var out = [Scalar]()
        out.reserveCapacity(indices.count * columns)
        for index in indices { out.append(contentsOf: row(index)) }
        return Matrix(rows: indices.count, columns: columns, values: out)
    }

    /// The index of the largest value of each row (the first one on ties).
    public func argmaxPerRow() -> [Int] {
        (0..<rows).map { r in
            var best = 0
            var bestValue = self[r, 0]
            for c in 1..<columns where self[r, c] > bestValue {
                best = c
                bestValue = self[r, c]
            }
            return best
        }
    }
}
