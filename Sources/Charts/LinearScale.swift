/// Maps data values in `domain` linearly onto canvas coordinates in `range`
/// (range may be reversed, as a y axis is).
struct LinearScale {
    let domain: ClosedRange<Double>
    let range: (start: Double, end: Double)

    func callAsFunction(_ value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        let t = span == 0 ? 0.5 : (value - domain.lowerBound) / span
        return range.start + t * (range.end - range.start)
    }
}
