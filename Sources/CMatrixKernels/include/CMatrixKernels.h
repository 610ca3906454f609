#ifndef CMATRIXKERNELS_H
#define CMATRIXKERNELS_H

// DistillCore's single-precision matrix-product kernels, in C because Swift cannot compile one
// function for several instruction sets and pick among them at run time.
//
// Every kernel computes each element of c in one fixed order — its starting value (0, or c's
// own value when accumulating), then the products for p = 0, 1, …, k−1, each product and each
// sum rounded on its own (no fused multiply-add, no reassociation) — so all kernels, on every
// machine, give the same bits. They differ only in speed.

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Which compiled kernel runs a product.
typedef enum {
    /// Compiled for the baseline instruction set (SSE2 on x86_64): runs everywhere.
    MKKernelPortable = 0,
    /// Compiled for AVX (256-bit registers, still no FMA): x86_64 machines that support it.
    MKKernelAVX = 1,
} MKKernel;

/// The fastest kernel this machine (CPU and operating system) can run.
MKKernel mk_best_kernel(void);

/// Whether this machine can run `kernel`.
int mk_kernel_available(MKKernel kernel);

/// A read-only matrix addressed through strides: element (row, column) is at
/// `base[row * row_stride + column * column_stride]`.
typedef struct {
    const float *base;
    ptrdiff_t row_stride;
    ptrdiff_t column_stride;
} MKOperand;

/// Number of floats `mk_pack_rows` writes for an m × k left operand.
ptrdiff_t mk_packed_rows_count(MKKernel kernel, ptrdiff_t m, ptrdiff_t k);

/// Columns of c in one tile: the unit in which column ranges are best split between threads.
ptrdiff_t mk_tile_columns(MKKernel kernel);

/// Number of floats of scratch `mk_product_columns` needs for a range of `columns` columns of c
/// and depth k (the packed panels of b for one pass over k).
ptrdiff_t mk_panels_count(MKKernel kernel, ptrdiff_t k, ptrdiff_t columns);

/// Copies the left operand a (m × k) into the kernel's row-panel layout (zero-padded).
void mk_pack_rows(MKKernel kernel, MKOperand a, ptrdiff_t m, ptrdiff_t k, float *packed);

/// c[:, columns] = [c +] a · b [+ bias] for the columns [column_start, column_end) of c, where a
/// is m × k, b is k × n, c is m × n, row-major with row stride `ldc`, and bias (n values, or
/// NULL) is added to each element after its last product. a is read from `packed` (as
/// written by `mk_pack_rows`) when that is not NULL, else in place — packing pays when the same
/// rows of a meet several tile columns of b. Calls on disjoint column ranges may run at the same
/// time, each with its own `panels` scratch of `mk_panels_count` floats.
void mk_product_columns(MKKernel kernel, const float *packed, MKOperand a, MKOperand b, const float *bias,
                        float *c, ptrdiff_t ldc, ptrdiff_t m, ptrdiff_t k, ptrdiff_t column_start,
                        ptrdiff_t column_end, int accumulate, float *panels);

/// One Adam step's settings: β₁, β₂, ε, weight decay λ, the step size lr / (1 − β₁ᵗ) and
/// √(1 − β₂ᵗ), the last two computed by the caller.
typedef struct {
    float beta1, beta2, epsilon, decay, step_size, bias_correction2_root;
} MKAdamStep;

/// Adam's update of `count` parameters in place, with their gradients and first and second
/// moments: g ← g + λθ; m ← m + (g − m)(1 − β₁); v ← vβ₂ + (1 − β₂)g²;
/// θ ← θ − step_size · m / (√v / bias_correction2_root + ε) — each operation rounded on its own,
/// so every kernel gives the same bits. Calls on disjoint ranges may run at the same time.
void mk_adam_update(MKKernel kernel, float *theta, const float *gradient, float *m, float *v, ptrdiff_t count,
                    MKAdamStep step);

#ifdef __cplusplus
}
#endif

#endif
