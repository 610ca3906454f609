// exp, log and tanh written out in plain arithmetic. The C library picks an implementation at
// run time by CPU features (glibc's expf, log and tanhf have FMA variants), and the last bit
// of a result may differ between variants or library versions. Training runs millions of
// these, and the report must come out byte-identical on every x86_64 machine, so Float
// training uses these instead: each is a fixed sequence of IEEE additions and multiplications
// (never fused), hence the same everywhere. Accuracy: within 2 ulp of the true value.

/// e^x for Float. Range reduction x = k·ln2 + r with |r| ≤ ln2/2 (ln2 split in a high part
/// exact to 9 bits and a low part, so k·ln2_hi is exact), then the degree-7 Taylor polynomial
/// of e^r (truncation error below 3e-9 relative), then scaling by 2^k through the exponent bits.
@inlinable
func exponential(_ x: Float) -> Float {
    if x.isNaN { return x }
    if x > 88.72283 { return .infinity }
    if x < -87.33654 { return 0 }  // below the smallest normal Float: flushed, as softmax wants
    // k = x/ln2 rounded to the nearest integer; by conversion, not `rounded()`, which without
    // SSE4.1 becomes a library call.
    let scaled = x * 1.442695
    let k = Float(Int32(scaled + (scaled >= 0 ? 0.5 : -0.5)))
    let r = (x - k * 0.693359375) - k * -2.12194440e-4
    // Estrin's scheme: independent pairs, then powers of r, so the chain of dependent
    // operations is 4 deep instead of Horner's 14.
    let r2 = r * r, r4 = r2 * r2
    let low = (1 + r) + r2 * (0.5 + r * (1.0 / 6))
    let high = (1.0 / 24 + r * (1.0 / 120)) + r2 * (1.0 / 720 + r * (1.0 / 5040))
    let p = low + r4 * high
    // k ∈ [−126, 128]: build 2^k directly when it is a normal number, else in two halves.
    let exponent = Int32(k)
    if exponent > -126 && exponent < 128 { return p * Float(bitPattern: UInt32(exponent + 127) << 23) }
    let half = exponent / 2
    return p * Float(bitPattern: UInt32(half + 127) << 23) * Float(bitPattern: UInt32(exponent - half + 127) << 23)
}

/// ln x for Double: x = m·2^e with m in [√½, √2), then ln m = 2·atanh(s), s = (m − 1)/(m + 1),
/// |s| < 0.1716, by its odd series to s²¹ (remainder below 1e-17), plus e·ln 2.
@inlinable
func logarithm(_ x: Double) -> Double {
    if x.isNaN || x < 0 { return .nan }
    if x == 0 { return -.infinity }
    if x.isInfinite { return x }
    // Exponent and significand straight from the bits (subnormals scaled into range first).
    let (value, bias) = x < 0x1p-1022 ? (x * 0x1p54, -54.0) : (x, 0.0)
    let bits = value.bitPattern
    var exponent = Double(Int((bits >> 52) & 0x7FF) - 1023) + bias
    var m = Double(bitPattern: (bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000)  // in [1, 2)
    if m > 1.4142135623730951 {
        m /= 2
        exponent += 1
    }
    let s = (m - 1) / (m + 1)
    let s2 = s * s
    // Horner's rule over 1/n, n = 21, 19, …, 1.
    var series = 1.0 / 21
    series = series * s2 + 1.0 / 19
    series = series * s2 + 1.0 / 17
    series = series * s2 + 1.0 / 15
    series = series * s2 + 1.0 / 13
    series = series * s2 + 1.0 / 11
    series = series * s2 + 1.0 / 9
    series = series * s2 + 1.0 / 7
    series = series * s2 + 1.0 / 5
    series = series * s2 + 1.0 / 3
    series = series * s2 + 1
    return 2 * s * series + exponent * 0.6931471805599453
}

/// tanh x for Float as u/(u + 2) with u = e^{2|x|} − 1, which does not cancel: below
/// 2|x| = 1.25 u comes from its Taylor series (to the 12th power, remainder below 1e-9
/// relative), above from `exponential`; ±1 beyond |x| = 9.1, where tanh rounds to ±1.
@inlinable
func hyperbolicTangent(_ x: Float) -> Float {
    let a = abs(x)
    if a > 9.1 { return x > 0 ? 1 : -1 }
    let y = 2 * a
    var u: Float
    if y < 1.25 {
        // Horner's rule over 1/n!, n = 12 … 1, then times y: u = y + y²/2! + … + y¹²/12!.
        u = 1.0 / 479_001_600
        u = u * y + 1.0 / 39_916_800
        u = u * y + 1.0 / 3_628_800
        u = u * y + 1.0 / 362_880
        u = u * y + 1.0 / 40_320
        u = u * y + 1.0 / 5_040
        u = u * y + 1.0 / 720
        u = u * y + 1.0 / 120
        u = u * y + 1.0 / 24
        u = u * y + 1.0 / 6
        u = u * y + 0.5
        u = u * y + 1
        u *= y
    } else {
        u = exponential(y) - 1
    }
    let t = u / (u + 2)
    return x < 0 ? -t : t
}
