// The kernel every machine runs: built for the baseline instruction set (SSE2 on x86_64,
// where each 8-float vector is two registers, hence the smaller 4 × 8 tile).
#define KERNEL(name) mk_portable_##name
#define TILE_ROWS 4
#define TILE_VECTORS 1
#include "product_kernel.h"
