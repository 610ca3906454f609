import CMatrixKernels
import Foundation
import Testing
@testable import DistillCore

/// Two steps of each optimiser against PyTorch's update rules written out by hand in Double.
@Suite struct OptimizerTests {
    let start: [Float] = [0.5, -1.0, 2.0]
    let gradients: [[Float]] = [[0.1, -0.2, 0.3], [0.05, 0.4, -0.1]]

    @Test func sgdWithMomentumAndWeightDecay() {
        let (lr, mu, decay) = (0.1, 0.9, 0.01)
        var optimizer = SGD(.init(learningRate: Float(lr), momentum: Float(mu), weightDecay: Float(decay)), parameterCount: 3)
        var parameters = start
        var expected = start.map(Double.init)
        var buffer = [Double](repeating: 0, count: 3)
        for (step, g) in gradients.enumerated() {
            optimizer.step(parameters: &parameters, gradients: g)
            for i in 0..<3 {
                let decayed = Double(g[i]) + decay * expected[i]
                buffer[i] = step == 0 ? decayed : mu * buffer[i] + decayed
                expected[i] -= lr * buffer[i]
            }
        }
        #expect(isApproximatelyEqual(parameters.map(Double.init), expected, absolute: 1e-6))
    }

    @Test func adamWithBiasCorrection() {
        let (lr, b1, b2, eps) = (0.01, 0.9, 0.999, 1e-8)
        var optimizer = Adam(.init(learningRate: Float(lr)), parameterCount: 3)
        var parameters = start
        var expected = start.map(Double.init)
        var m = [Double](repeating: 0, count: 3), v = m
        for (index, g) in gradients.enumerated() {
            optimizer.step(parameters: &parameters, gradients: g)
            let t = Double(index + 1)
            for i in 0..<3 {
                m[i] = b1 * m[i] + (1 - b1) * Double(g[i])
                v[i] = b2 * v[i] + (1 - b2) * Double(g[i]) * Double(g[i])
                let mHat = m[i] / (1 - pow(b1, t)), vHat = v[i] / (1 - pow(b2, t))
                expected[i] -= lr * mHat / (vHat.squareRoot() + eps)
            }
        }
        #expect(isApproximatelyEqual(parameters.map(Double.init), expected, absolute: 1e-6))
        // Adam's first step moves every parameter by about lr, whatever the gradient's size.
        var fresh = Adam(.init(learningRate: 0.01), parameterCount: 1)
        var single: [Float] = [0]
        fresh.step(parameters: &single, gradients: [1e-3])
        #expect(isApproximatelyEqual(Double(single[0]), -0.01, absolute: 1e-6))
    }
}

/// Large buffers are updated by two cores in slices; every parameter must still get exactly
/// the update it gets alone.
@Suite struct ParallelAdamTests {
    @Test func splitUpdateEqualsSmallUpdatesBitForBit() {
        let count = 70_001  // above the threshold, not a multiple of 8
        var generator = SeededGenerator(seed: 12)
        var whole = (0..<count).map { _ in generator.nextFloat(in: -1, 1) }
        var pieces = whole
        var optimizer = Adam(.init(learningRate: 0.01, weightDecay: 0.1), parameterCount: count)
        let pieceLength = 999
        var small = stride(from: 0, to: count, by: pieceLength).map { start in
            Adam(.init(learningRate: 0.01, weightDecay: 0.1), parameterCount: min(pieceLength, count - start))
        }
        for step in 0..<3 {
            let gradients = (0..<count).map { _ in generator.nextFloat(in: -2, 2) * Float(step + 1) }
            optimizer.step(parameters: &whole, gradients: gradients)
            for (index, start) in stride(from: 0, to: count, by: pieceLength).enumerated() {
                let range = start..<min(start + pieceLength, count)
                var part = Array(pieces[range])
                small[index].step(parameters: &part, gradients: Array(gradients[range]))
                pieces.replaceSubrange(range, with: part)
            }
        }
        #expect(whole == pieces)
    }
}

/// Adam's compiled update, with every kernel this machine has, against the definition written
/// out one parameter at a time in Swift: the same bits, in the eight-lane body and the tail.
@Suite struct AdamKernelTests {
    @Test(arguments: [(1, Float(0)), (7, 0), (8, 0.01), (13, 0), (100, 0.05)])
    func everyKernelGivesTheDefinitionsBits(count: Int, decay: Float) {
        var generator = SeededGenerator(seed: UInt64(count))
        let theta = (0..<count).map { _ in generator.nextFloat(in: -2, 2) }
        let gradient = (0..<count).map { _ in generator.nextFloat(in: -1, 1) }
        let m = (0..<count).map { _ in generator.nextFloat(in: -0.1, 0.1) }
        let v = (0..<count).map { _ in generator.nextFloat(in: 0, 0.01) }
        let step = MKAdamStep(beta1: 0.9, beta2: 0.999, epsilon: 1e-8, decay: decay, step_size: 0.0123,
                              bias_correction2_root: 0.0447)
        var expected = (theta, m, v)
        for i in 0..<count {
            var g = gradient[i]
            if decay != 0 { g += decay * theta[i] }
            expected.1[i] += (g - expected.1[i]) * (1 - step.beta1)
            expected.2[i] = expected.2[i] * step.beta2 + (1 - step.beta2) * g * g
            let denominator = expected.2[i].squareRoot() / step.bias_correction2_root + step.epsilon
            expected.0[i] -= step.step_size * (expected.1[i] / denominator)
        }
        for kernel in FloatKernel.allCases.filter(\.isAvailable) {
            var (t, mm, vv) = (theta, m, v)
            mk_adam_update(kernel.compiled, &t, gradient, &mm, &vv, count, step)
            #expect(t.map(\.bitPattern) == expected.0.map(\.bitPattern), "kernel \(kernel)")
            #expect(mm.map(\.bitPattern) == expected.1.map(\.bitPattern), "kernel \(kernel)")
            #expect(vv.map(\.bitPattern) == expected.2.map(\.bitPattern), "kernel \(kernel)")
        }
    }
}
