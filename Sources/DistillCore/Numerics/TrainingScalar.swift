#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The floating-point types the core computes in. Training runs in `Float`; the same generic
/// code runs in `Double` so that tests can check analytic gradients against finite differences
/// at a precision Float cannot give.
public protocol TrainingScalar: BinaryFloatingPoint, SIMDScalar, Codable, Sendable
where RawSignificand: FixedWidthInteger, Exponent: FixedWidthInteger {
    static func exponential(_ x: Self) -> Self
    static func logarithm(_ x: Self) -> Self
    static func hyperbolicTangent(_ x: Self) -> Self
}

/// Float, the training precision, uses the project's own functions (ElementaryFunctions.swift)
/// so results do not depend on which C library variant a machine picks.
extension Float: TrainingScalar {
    @inlinable public static func exponential(_ x: Float) -> Float { DistillCore.exponential(x) }
    @inlinable public static func logarithm(_ x: Float) -> Float { Float(DistillCore.logarithm(Double(x))) }
    @inlinable public static func hyperbolicTangent(_ x: Float) -> Float { DistillCore.hyperbolicTangent(x) }
}

/// Double serves the gradient checks in tests; its logarithm is ours too because Float's
/// log-sum-exp accumulates in Double.
extension Double: TrainingScalar {
    @inlinable public static func exponential(_ x: Double) -> Double { exp(x) }
    @inlinable public static func logarithm(_ x: Double) -> Double { DistillCore.logarithm(x) }
    @inlinable public static func hyperbolicTangent(_ x: Double) -> Double { tanh(x) }
}
