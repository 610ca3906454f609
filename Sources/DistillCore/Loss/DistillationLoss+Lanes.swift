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
        withUnsafeTemporaryAllocation(of: Lanes.self, capacity: 7 * classes) { buffer in
            // Per class, one vector of eight examples each.
            let s = buffer.baseAddress!, p = s + classes, logP = p + classes
            let shiftedT = logP + classes, expT = shiftedT + classes, shifted1 = expT + classes, exp1 = shifted1 + classes
            for start in stride(from: 0, to: batch, by: 8) {
                let width = min(8, batch - start)
                var label = SIMD8<Int32>(repeating: -1)
                if width < 8 {  // unused lanes: harmless zeros, never stored
                    s.update(repeating: Lanes(), count: classes)
                    p.update(repeating: Lanes(), count: classes)
                    logP.update(repeating: Lanes(), count: classes)
                }
                for lane in 0..<width {
                    let row = start + lane, example = examples[examples.startIndex + row]
                    label[lane] = Int32(labels[example])
                    for c in 0..<classes {
                        s[c][lane] = student[row * classes + c]
                        p[c][lane] = teacherProbabilities[example * classes + c]
                        logP[c][lane] = teacherLogProbabilities[example * classes + c]
                    }
                }
                var maximumT = Lanes(repeating: -.infinity), maximum1 = Lanes(repeating: -.infinity)
                for c in 0..<classes {  // (`replacing` compiles to a compare and blend; `pointwiseMax` to a call)
                    shiftedT[c] = s[c] / temperature
                    maximumT = maximumT.replacing(with: shiftedT[c], where: shiftedT[c] .> maximumT)
                    maximum1 = maximum1.replacing(with: s[c], where: s[c] .> maximum1)
                }
                var sumT = Lanes(), sum1 = Lanes()
                for c in 0..<classes {
                    shiftedT[c] -= maximumT
                    expT[c] = exponential(shiftedT[c])
                    sumT += expT[c]
                    shifted1[c] = s[c] - maximum1
                    exp1[c] = exponential(shifted1[c])
                    sum1 += exp1[c]
                }
                let logSumT = logarithm(sumT), logSum1 = logarithm(sum1)
                let inverseSumT = 1 / sumT, inverseSum1 = 1 / sum1
                var kl = Lanes(), crossEntropy = Lanes()
                for c in 0..<classes {
                    let q = expT[c] * inverseSumT, q1 = exp1[c] * inverseSum1
                    let isLabel = label .== Int32(c)
                    let klTerm = p[c] * (logP[c] - (shiftedT[c] - logSumT))
                    kl += klTerm.replacing(with: 0, where: p[c] .<= 0)
                    crossEntropy -= (shifted1[c] - logSum1).replacing(with: 0, where: .!isLabel)
                    let hard = q1 - Lanes(repeating: 0).replacing(with: 1, where: isLabel)
                    let g = (softWeight * (q - p[c]) + hardWeight * hard) / batchSize
                    for lane in 0..<width { gradient[(start + lane) * classes + c] = g[lane] }
                }
                for lane in 0..<width {
                    klSum += Double(kl[lane])
                    ceSum += Double(crossEntropy[lane])
                }
            }
        }
        let kl = klSum / Double(batch)
        let ce = ceSum / Double(batch)
        let t = Double(temperature)
        return Value(total: Double(alpha) * t * t * kl + Double(hardWeight) * ce, kl: kl, crossEntropy: ce)
    }
}
