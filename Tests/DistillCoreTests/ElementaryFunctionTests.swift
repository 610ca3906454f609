import Foundation
import Testing
@testable import DistillCore

/// Our exp, log and tanh against the C library in Double, across their ranges.
@Suite struct ElementaryFunctionTests {
    /// Relative error of a Float result against a Double reference, in units of Float's ulp at 1.
    func ulps(_ value: Float, _ reference: Double) -> Double {
        abs(Double(value) - reference) / (abs(reference) * Double(Float.ulpOfOne))
    }

    @Test func exponentialIsWithinTwoUlps() {
        var worst = 0.0
        for i in 0...200_000 {
            let x = Float(-87 + 175.5 * Double(i) / 200_000)
            worst = max(worst, ulps(exponential(x), exp(Double(x))))
        }
        #expect(worst <= 2, "worst error \(worst) ulp")
        #expect(exponential(0) == 1)
        #expect(exponential(100) == .infinity && exponential(-100) == 0 && exponential(.nan).isNaN)
    }

    @Test func eightLanesGiveTheSameBitsAsOne() {
        for i in 0..<20_000 {
            let base = Float(-100 + 188.3 * Double(i) / 20_000)
            let lanes = SIMD8<Float>((0..<8).map { base + Float($0) * 1e-3 })
            let vector = exponential(lanes)
            for lane in 0..<8 { #expect(vector[lane].bitPattern == exponential(lanes[lane]).bitPattern) }
        }
        #expect(exponential(SIMD8<Float>(repeating: -.infinity)) == SIMD8<Float>(repeating: 0))
        #expect(exponential(Float(88.5)) == Float(exp(88.5)) || abs(Double(exponential(Float(88.5))) / exp(88.5) - 1) < 3e-7)
    }

    @Test func logarithmMatchesTheLibrary() {
        for x in [1e-300, 1e-10, 0.1, 0.5, 0.7071067811865476, 1, 1.5, 2, 3, 10, 12345.678, 1e300] {
            #expect(abs(logarithm(x) - log(x)) <= 4 * Double.ulpOfOne * max(1, abs(log(x))), "log(\(x))")
        }
        #expect(logarithm(0) == -.infinity && logarithm(-1).isNaN && logarithm(1) == 0)
    }

    @Test func hyperbolicTangentIsAccurate() {
        var worst = 0.0
        for i in 0...100_000 {
            let x = Float(-10 + 20 * Double(i) / 100_000)
            guard x != 0 else { continue }
            worst = max(worst, ulps(hyperbolicTangent(x), tanh(Double(x))))
        }
        #expect(worst <= 3, "worst error \(worst) ulp")
    }
}
