import Dispatch

/// Runs `body(part)` for part = 0..<parts, on up to two cores: the caller's thread and one
/// worker. Callers give each part its own share of the output, so the results cannot depend on
/// how the parts are scheduled.
func runParts(_ parts: Int, _ body: @Sendable (Int) -> Void) {
    if parts <= 1 {
        body(0)
    } else {
        DispatchQueue.concurrentPerform(iterations: parts, execute: body)
    }
}

/// The `part`-th of `parts` near-equal contiguous slices of 0..<count, with inner boundaries on
/// multiples of `alignment`.
func slice(_ part: Int, of parts: Int, count: Int, alignment: Int = 1) -> Range<Int> {
    let units = (count + alignment - 1) / alignment
    return min(units * part / parts * alignment, count)..<min(units * (part + 1) / parts * alignment, count)
}
