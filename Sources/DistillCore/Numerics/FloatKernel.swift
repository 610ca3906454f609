import CMatrixKernels
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The compiled Float kernels (matrix products, and Adam's update). All give the same bits;
/// `selected` is the fastest this machine runs, unless the environment variable
/// `DISTILLERY_MATRIX_KERNEL` names another (`portable` or `avx`) — for benchmarks and for
/// checking that claim on one machine.
enum FloatKernel: CaseIterable, Sendable {
    case portable, avx

    var isAvailable: Bool { mk_kernel_available(compiled) != 0 }

    static let selected: FloatKernel = {
        if let name = getenv("DISTILLERY_MATRIX_KERNEL").map({ String(cString: $0) }),
           let kernel = allCases.first(where: { "\($0)" == name }), kernel.isAvailable {
            return kernel
        }
        return mk_best_kernel() == MKKernelAVX ? .avx : .portable
    }()

    var compiled: MKKernel {
        switch self {
        case .portable: MKKernelPortable
        case .avx: MKKernelAVX
        }
    }
}
