#ifndef CMATRIXKERNELS_KERNELS_H
#define CMATRIXKERNELS_KERNELS_H

// The per-instruction-set entry points behind CMatrixKernels.h; each is compiled from
// product_kernel.h with its own tile shape and target.

#include "CMatrixKernels.h"

typedef float vector8 __attribute__((vector_size(32)));

/// Most steps of p in one pass over k: a 256 × 16 panel of b (16 KiB) stays in the L1 cache
/// while every row panel of a runs against it.
#define MK_DEPTH 256

/// The depth of each pass: k split into equal passes of at most MK_DEPTH (784 → 4 × 196, not
/// 3 × 256 + 16, whose last pass would reload c for a few steps).
static inline ptrdiff_t mk_pass_depth(ptrdiff_t k) {
    const ptrdiff_t passes = (k + MK_DEPTH - 1) / MK_DEPTH;
    return passes == 0 ? 0 : (k + passes - 1) / passes;
}

/// Rows of a in one block: 144 rows × 256 steps (144 KiB) stay in the L2 cache while every
/// column panel of b runs against them. A multiple of both kernels' tile rows.
#define MK_ROW_BLOCK 144

/// Declares one kernel's entry points: PREFIX_rows and PREFIX_columns (its tile shape), and
/// PREFIX_pack_rows and PREFIX_product_columns (as mk_pack_rows and mk_product_columns).
#define MK_DECLARE_KERNEL(PREFIX)                                                                      \
    ptrdiff_t PREFIX##_rows(void);                                                                     \
    ptrdiff_t PREFIX##_columns(void);                                                                  \
    void PREFIX##_pack_rows(MKOperand a, ptrdiff_t m, ptrdiff_t k, float *packed);                     \
    void PREFIX##_product_columns(const float *packed, MKOperand a, MKOperand b, const float *bias,     \
                                  float *c, ptrdiff_t ldc, ptrdiff_t m, ptrdiff_t k,                   \
                                  ptrdiff_t column_start, ptrdiff_t column_end, int accumulate,        \
                                  float *panels);                                                      \
    void PREFIX##_adam_update(float *theta, const float *gradient, float *m, float *v, ptrdiff_t count, \
                              MKAdamStep step);

MK_DECLARE_KERNEL(mk_portable)
#if defined(__x86_64__)
MK_DECLARE_KERNEL(mk_avx)
#endif

#endif
