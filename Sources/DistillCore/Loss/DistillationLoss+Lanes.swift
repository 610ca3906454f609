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
        // Rows enter and leave the lanes through registers (`RowLanes`). Per class, one vector of
        // eight examples each; a zero teacher row stands in for the unused lanes of a last group.
        // Six arrays of `classes` vectors; eight padded rows and a zero row of Floats.
        withUnsafeTemporaryAllocation(of: Lanes.self, capacity: 6 * classes) { buffer in
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 9 * classes) { rows in
        withUnsafeTemporaryAllocation(of: UnsafePointer<Float>.self, capacity: 16) { teacherRows in
            let s = buffer.baseAddress!, shiftedT = s + classes, expT = shiftedT + classes  // s: the student's logits
            let shifted1 = expT + classes, exp1 = shifted1 + classes
            let out = exp1 + classes  // the group's gradient, per class
            let padded = rows.baseAddress!, zeroRow = padded + 8 * classes
            zeroRow.update(repeating: 0, count: classes)
            let p = teacherRows.baseAddress!, logP = p + 8
            RowLanes.forEachGroup(student, rows: batch, columns: classes) { group, first, width in
                // Each lane's example: its teacher rows and its label (−1 in unused lanes).
                let start = examples.startIndex + first
                for lane in 0..<8 {
                    let inside = lane < width
                    p[lane] = inside ? teacherProbabilities + examples[start + lane] * classes : UnsafePointer(zeroRow)
                    logP[lane] = inside ? teacherLogProbabilities + examples[start + lane] * classes : UnsafePointer(zeroRow)
                }
                let labelLanes = RowLanes.labels(count: width) { lane in labels[examples[start + lane]] }
                for c in 0..<classes { s[c] = RowLanes.gather(group + c, stride: classes) }
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
                    let pc = RowLanes.gather(rows: p, column: c), logPc = RowLanes.gather(rows: logP, column: c)
                    let q = expT[c] * inverseSumT, q1 = exp1[c] * inverseSum1
                    let isLabel = labelLanes .== Float(c)
                    let klTerm = pc * (logPc - (shiftedT[c] - logSumT))
                    kl += klTerm.replacing(with: 0, where: pc .<= 0)
                    crossEntropy -= (shifted1[c] - logSum1).replacing(with: 0, where: .!isLabel)
                    let hard = q1 - Lanes(repeating: 0).replacing(with: 1, where: isLabel)
                    out[c] = (softWeight * (q - pc) + hardWeight * hard) / batchSize
                }
                RowLanes.store(out, columns: classes, into: gradient, first: first, width: width, padded: padded)
                for lane in 0..<width {
                    klSum += Double(kl[lane])
                    ceSum += Double(crossEntropy[lane])
                }
            }
        }
        }
        }
        let kl = klSum / Double(batch)
        let ce = ceSum / Double(batch)
        let t = Double(temperature)
        return Value(total: Double(alpha) * t * t * kl + Double(hardWeight) * ce, kl: kl, crossEntropy: ce)
    }
}
