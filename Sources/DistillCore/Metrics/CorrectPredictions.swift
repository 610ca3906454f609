/// How many of the rows of `classes` logits at `logits` (one per label, in order) have their
/// largest logit — the first one on ties, as `Matrix.argmaxPerRow` — at their label. Eight rows at a time in
/// the lanes of vectors (`RowLanes`), without a branch per comparison: which class wins is as
/// good as random to the branch predictor, and its misses cost more than the comparisons.
func correctPredictions(logits: UnsafePointer<Float>, classes: Int, labels: some Collection<Int>) -> Int {
    typealias Lanes = SIMD8<Float>
    var correct = 0
    var label = labels.makeIterator()
    RowLanes.forEachGroup(logits, rows: labels.count, columns: classes) { group, _, width in
        var best = Lanes(), bestValue = RowLanes.gather(group, stride: classes)
        for c in 1..<max(classes, 1) {
            let value = RowLanes.gather(group + c, stride: classes)
            let isGreater = value .> bestValue
            bestValue.replace(with: value, where: isGreater)
            best.replace(with: Float(c), where: isGreater)
        }
        // Unused lanes have the label −1, which no class matches.
        let hits = best .== RowLanes.labels(count: width) { _ in label.next()! }
        correct += Int(Lanes().replacing(with: 1, where: hits).sum())  // at most 8: exact
    }
    return correct
}
