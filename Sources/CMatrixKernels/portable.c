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

#if defined(__x86_64__)
#include <emmintrin.h>
// SSE2's square root, four lanes at a time (each lane correctly rounded, as sqrtf).
#define SQRT8(vector)                                                                 \
    ({                                                                                \
        __m128 low_, high_;                                                           \
        memcpy(&low_, &(vector), 16);                                                 \
        memcpy(&high_, (const char *)&(vector) + 16, 16);                            \
        low_ = _mm_sqrt_ps(low_);                                                     \
        high_ = _mm_sqrt_ps(high_);                                                   \
        vector8 root_;                                                                \
        memcpy(&root_, &low_, 16);                                                    \
        memcpy((char *)&root_ + 16, &high_, 16);                                      \
        root_;                                                                        \
    })
#else
#define SQRT8(vector)                                                                 \
    ({                                                                                \
        vector8 root_;                                                                \
        for (int lane_ = 0; lane_ < 8; lane_++) root_[lane_] = __builtin_sqrtf((vector)[lane_]); \
        root_;                                                                        \
    })
#endif
#include "adam_kernel.h"
