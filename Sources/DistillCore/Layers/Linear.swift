/// A fully connected layer with PyTorch's `nn.Linear` conventions: `y = x·Wᵀ + b`, the weight
/// stored as `[out, in]` and the bias as `[out]`. Its parameters live inside a model's flat
/// parameter buffer; `Linear` only knows where.
public struct Linear: Sendable, Hashable {
    public let inputs: Int
    public let outputs: Int
    /// Offset of the weight (`outputs × inputs` values) in the flat parameter buffer.
    public let weightOffset: Int
    /// Offset of the bias (`outputs` values) in the flat parameter buffer.
    public var biasOffset: Int { weightOffset + inputs * outputs }
    public var parameterCount: Int { inputs * outputs + outputs }

    /// PyTorch's default initialisation: weight and bias ~ U(−1/√in, 1/√in), weight first,
    /// row by row, then the bias. Draws are Float so every precision gets the same values.
    func initialize<T: TrainingScalar>(_ parameters: UnsafeMutablePointer<T>, using generator: inout SeededGenerator) {
        let bound = 1 / Float(inputs).squareRoot()
        for i in 0..<parameterCount {
            parameters[weightOffset + i] = T(generator.nextFloat(in: -bound, bound))
        }
    }

    /// Forward. x: [batch, in] → y: [batch, out].
    func forward<T: TrainingScalar>(_ parameters: UnsafePointer<T>, x: UnsafePointer<T>, batch: Int,
                                    y: UnsafeMutablePointer<T>, scratch: ProductScratch? = nil) {
        multiplyByTranspose(x, parameters + weightOffset, plus: parameters + biasOffset, into: y,
                            m: batch, k: inputs, n: outputs, scratch: scratch)
    }

    /// Backward. dy: [batch, out], x: [batch, in] (the forward input).
    /// Writes dW = dyᵀ·x [out, in] and db = Σ_rows dy [out] into this layer's part of
    /// `gradients`, and dx = dy·W [batch, in] when `dx` is given (the first layer needs no input
    /// gradient). Each element of dW and db is 0 plus its terms in row order.
    func backward<T: TrainingScalar>(_ parameters: UnsafePointer<T>, x: UnsafePointer<T>, dy: UnsafePointer<T>,
                                     batch: Int, gradients: UnsafeMutablePointer<T>, dx: UnsafeMutablePointer<T>?,
                                     scratch: ProductScratch? = nil) {
        multiplyTransposed(dy, x, into: gradients + weightOffset, k: batch, m: outputs, n: inputs, scratch: scratch)
        columnSums(dy, rows: batch, columns: outputs, into: gradients + biasOffset)
        if let dx {
            multiply(dy, parameters + weightOffset, into: dx, m: batch, k: outputs, n: inputs, scratch: scratch)
        }
    }
}
