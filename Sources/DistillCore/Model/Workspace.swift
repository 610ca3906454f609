/// The buffers one forward and backward pass of up to `capacity` examples needs, allocated
/// once per training run and reused by every step so the hot loop allocates nothing.
/// Owned by a single run; never shared between threads.
final class Workspace<Scalar: TrainingScalar> {
    let capacity: Int
    /// activations[l] is the input of layer l, [capacity, widths[l]]; the last one holds the logits.
    let activations: [UnsafeMutablePointer<Scalar>]
    /// Dropout masks of the hidden layers' outputs, [capacity, widths[l + 1]].
    let masks: [UnsafeMutablePointer<Scalar>]
    /// Hidden layers' activation outputs before dropout (the activation's derivative needs them).
    let undropped: [UnsafeMutablePointer<Scalar>]
    /// ∂loss/∂logits, [capacity, outputs]: written by the loss, read by the backward pass.
    let logitGradient: UnsafeMutablePointer<Scalar>
    /// ∂loss/∂parameters, as long as the parameter buffer.
    let gradients: UnsafeMutablePointer<Scalar>
    /// Two ping-pong buffers for gradients flowing between layers, [capacity, widest layer].
    let upstream: UnsafeMutablePointer<Scalar>
    let downstream: UnsafeMutablePointer<Scalar>
    /// The Float products' packed panels.
    let productScratch = ProductScratch()
    private var allocations: [UnsafeMutablePointer<Scalar>] = []

    init(_ architecture: MLPArchitecture, capacity: Int) {
        self.capacity = capacity
        var allocations = [UnsafeMutablePointer<Scalar>]()
        func allocate(_ count: Int) -> UnsafeMutablePointer<Scalar> {
            // Zeroed as bytes (all-zero bits are 0.0 in every TrainingScalar): initialising
            // element by element through this unspecialised generic initializer went through a
            // value-witness call per element, 8% of the tutorial's cold build.
            let count = max(count, 1)
            let raw = UnsafeMutableRawPointer(UnsafeMutablePointer<Scalar>.allocate(capacity: count))
            raw.initializeMemory(as: UInt8.self, repeating: 0, count: count * MemoryLayout<Scalar>.stride)
            let pointer = raw.bindMemory(to: Scalar.self, capacity: count)
            allocations.append(pointer)
            return pointer
        }
        let widths = architecture.widths
        activations = widths.map { allocate(capacity * $0) }
        masks = architecture.hidden.map { allocate(capacity * $0) }
        undropped = architecture.hidden.map { allocate(capacity * $0) }
        logitGradient = allocate(capacity * architecture.outputs)
        gradients = allocate(architecture.parameterCount)
        upstream = allocate(capacity * (widths.max() ?? 1))
        downstream = allocate(capacity * (widths.max() ?? 1))
        self.allocations = allocations
    }

    deinit {
        for pointer in allocations { pointer.deallocate() }
    }

    /// Copies the given rows of `matrix` into the input buffer, in order; a run of consecutive
    /// indices (a whole batch in order, a test set) is one copy.
    func loadRows(of matrix: Matrix<Scalar>, _ indices: some Collection<Int>) {
        precondition(indices.count <= capacity, "batch larger than the workspace")
        let columns = matrix.columns
        matrix.values.withUnsafeBufferPointer { source in
            var row = 0
            var iterator = indices.makeIterator()
            var next = iterator.next()
            while let first = next {
                var length = 1
                next = iterator.next()
                while next == first + length {
                    length += 1
                    next = iterator.next()
                }
                (activations[0] + row * columns).update(from: source.baseAddress! + first * columns, count: length * columns)
                row += length
            }
        }
    }

    var logits: UnsafeMutablePointer<Scalar> { activations[activations.count - 1] }
}
