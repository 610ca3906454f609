// The AVX kernel: 256-bit registers hold a 6 × 16 tile (12 registers), the panel's two vectors
// of b and the broadcast element of a. Multiplies and adds stay separate instructions (no FMA),
// so it gives the portable kernel's bits.
#if defined(__x86_64__)
#include <string.h>
#include "kernels.h"
#pragma clang attribute push(__attribute__((target("avx"))), apply_to = function)
#define KERNEL(name) mk_avx_##name
#define TILE_ROWS 6
#define TILE_VECTORS 2
#include "product_kernel.h"
#pragma clang attribute pop
#endif
