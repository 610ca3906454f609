// The kernel every machine runs: built for the baseline instruction set (SSE2 on x86_64,
// where each 8-float vector is two registers, hence the smaller 4 × 8 tile).
#include <string.h>
#include "kernels.h"

#define KERNEL(name) mk_portable_##name
#define TILE_ROWS 4
#define TILE_VECTORS 1

// The first `count` lanes, through a plain array.
#define LOAD_LANES(vector, pointer, count)                                            \
    do {                                                                              \
        float lanes_[8] = {0};                                                        \
        for (ptrdiff_t lane_ = 0; lane_ < (count); lane_++) lanes_[lane_] = (pointer)[lane_]; \
        memcpy(&(vector), lanes_, sizeof lanes_);                                     \
    } while (0)
#define STORE_LANES(pointer, vector, count)                                           \
    do {                                                                              \
        float lanes_[8];                                                              \
        memcpy(lanes_, &(vector), sizeof lanes_);                                     \
        for (ptrdiff_t lane_ = 0; lane_ < (count); lane_++) (pointer)[lane_] = lanes_[lane_]; \
    } while (0)

#include "product_kernel.h"
