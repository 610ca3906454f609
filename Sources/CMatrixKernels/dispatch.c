// Chooses a kernel for this machine and forwards each call to it.
#include "kernels.h"

#if defined(__x86_64__)
#include <cpuid.h>

/// AVX needs the CPU's support and the operating system's (it must save the 256-bit registers).
static int avx_supported(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    if (!(ecx & bit_OSXSAVE) || !(ecx & bit_AVX)) return 0;
    unsigned int low, high;
    __asm__ volatile("xgetbv" : "=a"(low), "=d"(high) : "c"(0));
    (void)high;
    return (low & 0x6) == 0x6;  // XMM and YMM state enabled
}
#endif

int mk_kernel_available(MKKernel kernel) {
    switch (kernel) {
    case MKKernelPortable: return 1;
    case MKKernelAVX:
#if defined(__x86_64__)
        return avx_supported();
#else
        return 0;
#endif
    }
    return 0;
}

MKKernel mk_best_kernel(void) { return mk_kernel_available(MKKernelAVX) ? MKKernelAVX : MKKernelPortable; }

static ptrdiff_t tile_rows(MKKernel kernel) {
#if defined(__x86_64__)
    if (kernel == MKKernelAVX) return mk_avx_rows();
#endif
    (void)kernel;
    return mk_portable_rows();
}

ptrdiff_t mk_tile_columns(MKKernel kernel) {
#if defined(__x86_64__)
    if (kernel == MKKernelAVX) return mk_avx_columns();
#endif
    (void)kernel;
    return mk_portable_columns();
}

ptrdiff_t mk_packed_rows_count(MKKernel kernel, ptrdiff_t m, ptrdiff_t k) {
    const ptrdiff_t rows = tile_rows(kernel);
    return (m + rows - 1) / rows * rows * k;
}

ptrdiff_t mk_panels_count(MKKernel kernel, ptrdiff_t k, ptrdiff_t columns) {
    const ptrdiff_t width = mk_tile_columns(kernel);
    return mk_pass_depth(k) * ((columns + width - 1) / width * width);
}

void mk_pack_rows(MKKernel kernel, MKOperand a, ptrdiff_t m, ptrdiff_t k, float *packed) {
#if defined(__x86_64__)
    if (kernel == MKKernelAVX) { mk_avx_pack_rows(a, m, k, packed); return; }
#endif
    mk_portable_pack_rows(a, m, k, packed);
}

void mk_adam_update(MKKernel kernel, float *theta, const float *gradient, float *m, float *v, ptrdiff_t count,
                    MKAdamStep step) {
#if defined(__x86_64__)
    if (kernel == MKKernelAVX) { mk_avx_adam_update(theta, gradient, m, v, count, step); return; }
#endif
    mk_portable_adam_update(theta, gradient, m, v, count, step);
}

void mk_product_columns(MKKernel kernel, const float *packed, MKOperand a, MKOperand b, const float *bias,
                        float *c, ptrdiff_t ldc, ptrdiff_t m, ptrdiff_t k, ptrdiff_t column_start,
                        ptrdiff_t column_end, int accumulate, float *panels) {
#if defined(__x86_64__)
    if (kernel == MKKernelAVX) {
        mk_avx_product_columns(packed, a, b, bias, c, ldc, m, k, column_start, column_end, accumulate, panels);
        return;
    }
#endif
    mk_portable_product_columns(packed, a, b, bias, c, ldc, m, k, column_start, column_end, accumulate, panels);
}
