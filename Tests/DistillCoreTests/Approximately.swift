/// The one tolerance helper of these tests: |a − b| ≤ absolute + relative·|b|.
func isApproximatelyEqual(_ a: Double, _ b: Double, absolute: Double = 1e-6, relative: Double = 1e-6) -> Bool {
    abs(a - b) <= absolute + relative * abs(b)
}

func isApproximatelyEqual(_ a: [Double], _ b: [Double], absolute: Double = 1e-6, relative: Double = 1e-6) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { isApproximatelyEqual($0, $1, absolute: absolute, relative: relative) }
}
