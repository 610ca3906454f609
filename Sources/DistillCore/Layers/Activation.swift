/// The element-wise non-linearity between hidden layers.
public enum Activation: String, Sendable, Hashable, CaseIterable {
    case relu
    case tanh

    /// In place: values ← f(values).
    func forward<T: TrainingScalar>(_ values: UnsafeMutablePointer<T>, count: Int) {
        switch self {
        case .relu:
            if T.self == Float.self {
                reluInLanes(float(values), count: count)
            } else {
                for i in 0..<count where values[i] < 0 { values[i] = 0 }
            }
        case .tanh:
            for i in 0..<count { values[i] = T.hyperbolicTangent(values[i]) }
        }
    }

    /// In place: gradient ← gradient · f′, given the activation's *output* y (ReLU: f′ = 1
    /// where y > 0, else 0 — PyTorch's choice at 0; tanh: f′ = 1 − y²).
    func backward<T: TrainingScalar>(output: UnsafePointer<T>, gradient: UnsafeMutablePointer<T>, count: Int) {
        switch self {
        case .relu:
            if T.self == Float.self {
                reluGradientInLanes(output: UnsafePointer(float(UnsafeMutablePointer(mutating: output))),
                                    gradient: float(gradient), count: count)
            } else {
                for i in 0..<count where output[i] <= 0 { gradient[i] = 0 }
            }
        case .tanh:
            for i in 0..<count { gradient[i] *= 1 - output[i] * output[i] }
        }
    }
}

// ReLU for Float as vector selects, not branches: the signs of hidden units are a coin toss the
// branch predictor loses (and the compiler turns a scalar select back into a branch).

private func reluInLanes(_ values: UnsafeMutablePointer<Float>, count: Int) {
    var i = 0
    while i + 8 <= count {
        let v = UnsafeRawPointer(values + i).loadUnaligned(as: SIMD8<Float>.self)
        UnsafeMutableRawPointer(values + i).storeBytes(of: v.replacing(with: 0, where: v .< 0), as: SIMD8<Float>.self)
        i += 8
    }
    for i in i..<count where values[i] < 0 { values[i] = 0 }
}

private func reluGradientInLanes(output: UnsafePointer<Float>, gradient: UnsafeMutablePointer<Float>, count: Int) {
    var i = 0
    while i + 8 <= count {
        let y = UnsafeRawPointer(output + i).loadUnaligned(as: SIMD8<Float>.self)
        let g = UnsafeRawPointer(gradient + i).loadUnaligned(as: SIMD8<Float>.self)
        UnsafeMutableRawPointer(gradient + i).storeBytes(of: g.replacing(with: 0, where: y .<= 0), as: SIMD8<Float>.self)
        i += 8
    }
    for i in i..<count where output[i] <= 0 { gradient[i] = 0 }
}

/// The same memory seen as Float (callers check that T is Float).
private func float<T>(_ pointer: UnsafeMutablePointer<T>) -> UnsafeMutablePointer<Float> {
    UnsafeMutableRawPointer(pointer).assumingMemoryBound(to: Float.self)
}
