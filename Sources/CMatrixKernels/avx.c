// The AVX kernel: 256-bit registers hold a 6 × 16 tile (12 registers), the panel's two vectors
// of b and the broadcast element of a. Multiplies and adds stay separate instructions (no FMA),
// so it gives the portable kernel's bits. Tiles cut by the edge of c move their lanes with
// AVX's masked loads and stores.
#if defined(__x86_64__)
#include <immintrin.h>
#include <stdint.h>
#include <string.h>
#include "kernels.h"
#pragma clang attribute push(__attribute__((target("avx"))), apply_to = function)

#define KERNEL(name) mk_avx_##name
#define TILE_ROWS 6
#define TILE_VECTORS 2

/// A mask selecting the first `count` (0…8) lanes.
static inline __m256i first_lanes(ptrdiff_t count) {
    static const int32_t ones_then_zeros[16] = {-1, -1, -1, -1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0};
    return _mm256_loadu_si256((const __m256i *)(ones_then_zeros + 8 - count));
}

#define LOAD_LANES(vector, pointer, count) ((vector) = (vector8)_mm256_maskload_ps((pointer), first_lanes(count)))
#define STORE_LANES(pointer, vector, count) _mm256_maskstore_ps((pointer), first_lanes(count), (__m256)(vector))

#include "product_kernel.h"

#define SQRT8(vector) ((vector8)_mm256_sqrt_ps((__m256)(vector)))
#include "adam_kernel.h"
#pragma clang attribute pop
#endif
