/// The distillation loss for Float training, eight examples at a time: each SIMD lane holds one
/// example, so the exponentials and logarithms of a whole group run as vector operations
/// whatever the number of classes (three for Iris, where a row-wise vector would be mostly
/// empty). Same formulas as `evaluate`; the per-example sums over classes are in Float, the
/// batch sums in Double in example order.
extension DistillationLoss where T == Float {
    func evaluateInLanes(student: UnsafePointer<Float>, teacherProbabilities: UnsafePointer<Float>,
                         teacherLogProbabilities: UnsafePointer<Float>, labels: UnsafePointer<Int>,
                         examples: ArraySlice<Int>, classes: Int, gradient: UnsafeMutablePointer<Float>) -> Value {
        typealias Lanes = SIMD8<Float>
        let batch = examples.count
        let softWeight = alpha * temperature        // α·T²·(1/T), as in `evaluate`
        let hardWeight = 1 - alpha
        let batchSize = Float(batch)
        var klSum = 0.0
        var ceSum = 0.0
        // Lanes are filled and emptied through plain Float rows ([class][lane]): setting or reading
        // one lane of a SIMD value costs a round trip through the stack.
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 8 * (4 * classes + 3)) { rows in
        withUnsafeTemporaryAllocation(of: Lanes.self, capacity: 4 * classes) { buffer in
            let sRows = rows.baseAddress!, pRows = sRows + 8 * classes, logPRows = pRows + 8 * classes
            let gradientRows = logPRows + 8 * classes, klLanes = gradientRows + 8 * classes, ceLanes = klLanes + 8
            let labelLanes = ceLanes + 8  // labels as Floats (exact for any class count we meet), −1 in unused lanes
            // Per class, one vector of eight examples each.
            let shiftedT = buffer.baseAddress!, expT = shiftedT + classes, shifted1 = expT + classes, exp1 = shifted1 + classes
            for start in stride(from: 0, to: batch, by: 8) {
                let width = min(8, batch - start)
                if width < 8 {  // unused lanes: harmless zeros, never stored
                    sRows.update(repeating: 0, count: 24 * classes)
                }
                labelLanes.update(repeating: -1, count: 8)
                for lane in 0..<width {
                    let row = start + lane, example = examples[examples.startIndex + row]
                    labelLanes[lane] = Float(labels[example])
                    for c in 0..<classes {
                        sRows[c * 8 + lane] = student[row * classes + c]
                        pRows[c * 8 + lane] = teacherProbabilities[example * classes + c]
                        logPRows[c * 8 + lane] = teacherLogProbabilities[example * classes + c]
                    }
                }
                let label = Self.lanes(labelLanes)
                let s = { (c: Int) in Self.lanes(sRows + 8 * c) }
                let p = { (c: Int) in Self.lanes(pRows + 8 * c) }
                var maximumT = Lanes(repeating: -.infinity), maximum1 = Lanes(repeating: -.infinity)
                for c in 0..<classes {  // (`replacing` compiles to a compare and blend; `pointwiseMax` to a call)
                    shiftedT[c] = s(c) / temperature
                    maximumT = maximumT.replacing(with: shiftedT[c], where: shiftedT[c] .> maximumT)
                    maximum1 = maximum1.replacing(with: s(c), where: s(c) .> maximum1)
                }
                var sumT = Lanes(), sum1 = Lanes()
                for c in 0..<classes {
                    shiftedT[c] -= maximumT
                    expT[c] = exponential(shiftedT[c])
                    sumT += expT[c]
                    shifted1[c] = s(c) - maximum1
                    exp1[c] = exponential(shifted1[c])
                    sum1 += exp1[c]
                }
                let logSumT = logarithm(sumT), logSum1 = logarithm(sum1)
                let inverseSumT = 1 / sumT, inverseSum1 = 1 / sum1
                var kl = Lanes(), crossEntropy = Lanes()
                for c in 0..<classes {
                    let q = expT[c] * inverseSumT, q1 = exp1[c] * inverseSum1
                    let isLabel = label .== Float(c)
                    let klTerm = p(c) * (Self.lanes(logPRows + 8 * c) - (shiftedT[c] - logSumT))
                    kl += klTerm.replacing(with: 0, where: p(c) .<= 0)
                    crossEntropy -= (shifted1[c] - logSum1).replacing(with: 0, where: .!isLabel)
                    let hard = q1 - Lanes(repeating: 0).replacing(with: 1, where: isLabel)
                    Self.store((softWeight * (q - p(c)) + hardWeight * hard) / batchSize, gradientRows + 8 * c)
                }
                Self.store(kl, klLanes)
                Self.store(crossEntropy, ceLanes)
                for lane in 0..<width {
                    for c in 0..<classes { gradient[(start + lane) * classes + c] = gradientRows[c * 8 + lane] }
                    klSum += Double(klLanes[lane])
                    ceSum += Double(ceLanes[lane])
                }
            }
        }
        }
        let kl = klSum / Double(batch)
        let ce = ceSum / Double(batch)
        let t = Double(temperature)
        return Value(total: Double(alpha) * t * t * kl + Double(hardWeight) * ce, kl: kl, crossEntropy: ce)
    }

    @inline(__always)
    private static func lanes(_ pointer: UnsafeMutablePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<Float>.self)
    }

    @inline(__always)
    private static func store(_ value: SIMD8<Float>, _ pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: SIMD8<Float>.self)
    }
}
