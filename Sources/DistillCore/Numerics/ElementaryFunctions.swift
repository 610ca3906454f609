// exp, log and tanh written out in plain arithmetic. The C library picks an implementation at
// run time by CPU features (glibc's expf, log and tanhf have FMA variants), and the last bit
// of a result may differ between variants or library versions. Training runs millions of
// these, and the report must come out byte-identical on every x86_64 machine, so Float
// training uses these instead: each is a fixed sequence of IEEE additions and multiplications
// (never fused), hence the same everywhere. Accuracy: within 2 ulp of the true value.

/// e^x for Float. Range reduction x = k·ln2 + r with |r| ≤ ln2/2 (ln2 split in a high part
/// exact to 9 bits and a low part, so k·ln2_hi is exact), then the degree-7 Taylor polynomial
/// of e^r (truncation error below 3e-9 relative), then scaling by 2^k through the exponent
/// bits. The same operations as the eight-lane version below, so both give the same bits.
@inlinable
func exponential(_ x: Float) -> Float {
    if x.isNaN { return x }
    if x > 88.72284 { return .infinity }
    if x < -87.33654 { return 0 }  // below the smallest normal Float: flushed, as softmax wants
    let scaled = x * 1.442695
    // k = round(x / ln 2): adding 1.5·2²³ leaves no fraction bits, so the sum is rounded to an
    // integer, and the integer sits in the low bits of the sum's bit pattern.
    let shifted = scaled + roundingMagic
    let k = shifted - roundingMagic
    let r = (x - k * ln2High) - k * ln2Low
    // Estrin's scheme (dependent chain 4 deep, not Horner's 14): (1 + r) + r²(1/2 + r/6)
    // + r⁴((1/24 + r/120) + r²(1/720 + r/5040)).
    let r2 = r * r, r4 = r2 * r2
    let low = (1 + r) + r2 * (taylor2 + r * taylor3)
    let high = (taylor4 + r * taylor5) + r2 * (taylor6 + r * taylor7)
    let p = low + r4 * high
    let k32 = shifted.bitPattern &- roundingMagic.bitPattern  // k, as two's complement bits
    if k32 == 128 { return p * Float(bitPattern: 254 << 23) * 2 }  // 2¹²⁸ itself is not a Float
    return p * Float(bitPattern: (k32 &+ 127) << 23)
}

/// e^x for eight lanes at once, for x ≤ 88.376 (where 2^k stays finite; softmax only ever
/// passes x ≤ 0); lanes below
/// −87.34 give 0. Lane by lane the same operations, and so the same bits, as `exponential(_:)`.
@inlinable
func exponential(_ x: SIMD8<Float>) -> SIMD8<Float> {
    let clamped = x.replacing(with: -87.33654, where: x .< -87.33654)
    let scaled = clamped * 1.442695
    let shifted = scaled + roundingMagic
    let k = shifted - roundingMagic
    let r: SIMD8<Float> = (clamped - k * ln2High) - k * ln2Low
    let r2 = r * r, r4 = r2 * r2
    let one = SIMD8<Float>(repeating: 1)
    let low: SIMD8<Float> = (one + r) + r2 * (taylor2 + r * taylor3)
    let high: SIMD8<Float> = (taylor4 + r * taylor5) + r2 * (taylor6 + r * taylor7)
    let p = low + r4 * high
    let bits = unsafeBitCast(shifted, to: SIMD8<UInt32>.self) &- roundingMagic.bitPattern &+ 127
    let result = p * unsafeBitCast(bits &<< 23, to: SIMD8<Float>.self)
    return result.replacing(with: 0, where: x .< -87.33654)
}

/// ln 2 as a high part exact to 9 bits (so k·ln2High is exact for |k| ≤ 2¹⁵) and the rest.
@usableFromInline let ln2High: Float = 0.693359375
@usableFromInline let ln2Low: Float = -2.12194440e-4
/// 1/n! for the polynomial of e^r.
@usableFromInline let taylor2: Float = 1.0 / 2
@usableFromInline let taylor3: Float = 1.0 / 6
@usableFromInline let taylor4: Float = 1.0 / 24
@usableFromInline let taylor5: Float = 1.0 / 120
@usableFromInline let taylor6: Float = 1.0 / 720
@usableFromInline let taylor7: Float = 1.0 / 5040
/// 1.5·2²³: x + this, for |x| < 2²², has no bits below 1, so it rounds x to an integer.
@usableFromInline let roundingMagic: Float = 12_582_912

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

/// ln x for eight Doubles by exactly the operations of the scalar `logarithm`, lane by lane, so
/// each lane has the scalar's bits (m·½ is m/2 exactly: m is in [1, 2)). Only for positive,
/// finite, normal values (a log-sum-exp, which is at least 1): callers check and take the
/// scalar path otherwise.
@inlinable
func logarithm(_ x: SIMD8<Double>) -> SIMD8<Double> {
    let bits = unsafeBitCast(x, to: SIMD8<UInt64>.self)
    var exponent = SIMD8<Double>(SIMD8<Int64>(truncatingIfNeeded: (bits &>> 52) & 0x7FF) &- 1023)
    var m = unsafeBitCast((bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000, to: SIMD8<Double>.self)
    let isLarge = m .> 1.4142135623730951
    m.replace(with: m * 0.5, where: isLarge)
    exponent.replace(with: exponent + 1, where: isLarge)
    let s = (m - 1) / (m + 1)
    let s2 = s * s
    var series = SIMD8<Double>(repeating: 1.0 / 21)
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

/// ln x for eight positive, finite, normal Floats: x = m·2^e with m in [√½, √2), then
/// 2·atanh(s) with s = (m − 1)/(m + 1) by its odd series to s¹¹ (remainder below 3e-10
/// relative), plus e·ln 2 in two parts.
@inlinable
func logarithm(_ x: SIMD8<Float>) -> SIMD8<Float> {
    let bits = unsafeBitCast(x, to: SIMD8<UInt32>.self)
    var exponent = SIMD8<Float>(SIMD8<Int32>(truncatingIfNeeded: (bits &>> 23) & 0xFF) &- 127)
    var m = unsafeBitCast((bits & 0x007F_FFFF) | 0x3F80_0000, to: SIMD8<Float>.self)  // in [1, 2)
    let large = m .> 1.4142135
    m = m.replacing(with: m * 0.5, where: large)
    exponent = exponent.replacing(with: exponent + 1, where: large)
    let s = (m - 1) / (m + 1)
    let s2 = s * s
    var series = SIMD8<Float>(repeating: 1.0 / 11)
    series = series * s2 + (1.0 / 9 as Float)
    series = series * s2 + (1.0 / 7 as Float)
    series = series * s2 + (1.0 / 5 as Float)
    series = series * s2 + (1.0 / 3 as Float)
    series = series * s2 + 1
    return exponent * ln2High + (2 * s * series + exponent * ln2Low)
}
