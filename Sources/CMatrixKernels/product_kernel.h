// The body of one matrix-product kernel. A kernel's .c file defines, then includes this file:
//   KERNEL(name)  the public name of `name` for this kernel (e.g. mk_avx_##name)
//   TILE_ROWS     rows of c in one register tile
//   TILE_VECTORS  8-float vectors per tile row (the tile is TILE_ROWS × 8·TILE_VECTORS)
//   LOAD_LANES(vector, pointer, count), STORE_LANES(pointer, vector, count)
//                 move the first `count` (0…8) floats of a vector, touching no memory past them
// inside a `#pragma clang attribute` that sets the instruction set.
//
// Layout: a is read in place or packed once into row panels (TILE_ROWS rows, all k,
// interleaved so one step of p reads TILE_ROWS consecutive floats); b is packed per pass into
// column panels (depth × TILE_COLUMNS, zero past the last column). A tile of c stays in
// registers for a whole pass; passes over k write c back and the next pass reads it again,
// which keeps each element's order of additions p = 0, 1, …, k−1.

#include <string.h>
#include "kernels.h"

#pragma clang fp contract(off)

#define TILE_COLUMNS (8 * TILE_VECTORS)

// Unaligned loads and stores as macros: helper functions taking or returning vector8 would have
// a different ABI in the baseline build.
#define LOAD8(vector, pointer) memcpy(&(vector), (pointer), sizeof(vector8))
#define STORE8(pointer, vector) memcpy((pointer), &(vector), sizeof(vector8))

static inline ptrdiff_t minimum(ptrdiff_t x, ptrdiff_t y) { return x < y ? x : y; }

ptrdiff_t KERNEL(rows)(void) { return TILE_ROWS; }
ptrdiff_t KERNEL(columns)(void) { return TILE_COLUMNS; }

/// Where a tile reads a: row r's element for step p is `rows[r][p * step]`. For a packed panel
/// rows[r] = panel + r and step = TILE_ROWS; for a in place, rows past the end of a repeat the
/// last real row (an edge tile never reads them), so nothing is read outside a.
typedef struct {
    const float *rows[TILE_ROWS];
    ptrdiff_t step;
} TileRows;

/// How many of vector v's 8 lanes fall inside a tile `width` columns wide.
static inline __attribute__((always_inline)) ptrdiff_t lanes_inside(ptrdiff_t width, int v) {
    const ptrdiff_t count = width - 8 * v;
    return count < 0 ? 0 : (count > 8 ? 8 : count);
}

/// One tile of c (row stride ldc), of which the first `rows` rows and `width` columns are real:
/// c [loaded when `load`] plus `depth` steps of a × b-panel, then plus `bias` (the tile's
/// columns of it) when it is not NULL. Lanes outside the tile are computed and never stored.
/// Only the first `vectors` vectors of each row are computed (a narrow c needs fewer). Called
/// with constant rows, width and vectors for whole tiles, so their checks compile away.
static inline __attribute__((always_inline)) void tile(const TileRows *a, const float *b, float *c, ptrdiff_t ldc,
                                                       ptrdiff_t depth, int load, const float *bias,
                                                       ptrdiff_t rows, ptrdiff_t width, int vectors) {
    vector8 sum[TILE_ROWS][TILE_VECTORS];
    const float *a_rows[TILE_ROWS];
    const ptrdiff_t step = a->step;
#pragma clang loop unroll(full)
    for (int r = 0; r < TILE_ROWS; r++) {
        a_rows[r] = a->rows[r];
#pragma clang loop unroll(full)
        for (int v = 0; v < TILE_VECTORS; v++) {
            sum[r][v] = (vector8){0};
            if (v >= vectors) continue;
            const ptrdiff_t count = lanes_inside(width, v);
            if (!load || r >= rows) continue;
            if (count == 8) LOAD8(sum[r][v], c + r * ldc + 8 * v);
            else if (count > 0) LOAD_LANES(sum[r][v], c + r * ldc + 8 * v, count);
        }
    }
    for (ptrdiff_t p = 0, offset = 0; p < depth; p++, offset += step) {
        vector8 bp[TILE_VECTORS];
#pragma clang loop unroll(full)
        for (int v = 0; v < TILE_VECTORS; v++) {
            if (v < vectors) LOAD8(bp[v], b + p * TILE_COLUMNS + 8 * v);
        }
#pragma clang loop unroll(full)
        for (int r = 0; r < TILE_ROWS; r++) {
            if (r >= rows) break;
            const float ap = a_rows[r][offset];
#pragma clang loop unroll(full)
            for (int v = 0; v < TILE_VECTORS; v++) {
                if (v < vectors) sum[r][v] += bp[v] * ap;
            }
        }
    }
    if (bias) {
        vector8 bv[TILE_VECTORS];
#pragma clang loop unroll(full)
        for (int v = 0; v < TILE_VECTORS; v++) {
            const ptrdiff_t count = lanes_inside(width, v);
            bv[v] = (vector8){0};
            if (count == 8) LOAD8(bv[v], bias + 8 * v);
            else if (count > 0) LOAD_LANES(bv[v], bias + 8 * v, count);
        }
#pragma clang loop unroll(full)
        for (int r = 0; r < TILE_ROWS; r++) {
            if (r >= rows) break;
#pragma clang loop unroll(full)
            for (int v = 0; v < TILE_VECTORS; v++) {
                if (v < vectors) sum[r][v] += bv[v];
            }
        }
    }
#pragma clang loop unroll(full)
    for (int r = 0; r < TILE_ROWS; r++) {
        if (r >= rows) break;
#pragma clang loop unroll(full)
        for (int v = 0; v < TILE_VECTORS; v++) {
            const ptrdiff_t count = lanes_inside(width, v);
            if (count == 8) STORE8(c + r * ldc + 8 * v, sum[r][v]);
            else if (count > 0) STORE_LANES(c + r * ldc + 8 * v, sum[r][v], count);
        }
    }
}

void KERNEL(pack_rows)(MKOperand a, ptrdiff_t m, ptrdiff_t k, float *packed) {
    for (ptrdiff_t i = 0; i < m; i += TILE_ROWS) {
        float *panel = packed + i * k;
        const ptrdiff_t rows = minimum(TILE_ROWS, m - i);
        if (a.column_stride == 1) {  // row-major a: read each row along p
            for (ptrdiff_t r = 0; r < rows; r++) {
                const float *row = a.base + (i + r) * a.row_stride;
                for (ptrdiff_t p = 0; p < k; p++) panel[p * TILE_ROWS + r] = row[p];
            }
        } else {  // transposed a: the rows of one step p are neighbours in memory
            for (ptrdiff_t p = 0; p < k; p++) {
                const float *step = a.base + i * a.row_stride + p * a.column_stride;
                for (ptrdiff_t r = 0; r < rows; r++) panel[p * TILE_ROWS + r] = step[r * a.row_stride];
            }
        }
        for (ptrdiff_t r = rows; r < TILE_ROWS; r++) {
            for (ptrdiff_t p = 0; p < k; p++) panel[p * TILE_ROWS + r] = 0.0f;
        }
    }
}

/// Writes the transpose of the 8 × 8 block whose row i is source[i * stride + 0…7] as 8 rows of
/// 8 floats, TILE_COLUMNS apart, at `out`.
static inline __attribute__((always_inline)) void transpose8x8(const float *source, ptrdiff_t stride, float *out) {
    vector8 r0, r1, r2, r3, r4, r5, r6, r7;
    LOAD8(r0, source); LOAD8(r1, source + stride); LOAD8(r2, source + 2 * stride); LOAD8(r3, source + 3 * stride);
    LOAD8(r4, source + 4 * stride); LOAD8(r5, source + 5 * stride); LOAD8(r6, source + 6 * stride);
    LOAD8(r7, source + 7 * stride);
    // Interleave pairs of rows, then pairs of pairs (within each half), then swap halves.
    const vector8 t0 = __builtin_shufflevector(r0, r1, 0, 8, 1, 9, 4, 12, 5, 13);
    const vector8 t1 = __builtin_shufflevector(r0, r1, 2, 10, 3, 11, 6, 14, 7, 15);
    const vector8 t2 = __builtin_shufflevector(r2, r3, 0, 8, 1, 9, 4, 12, 5, 13);
    const vector8 t3 = __builtin_shufflevector(r2, r3, 2, 10, 3, 11, 6, 14, 7, 15);
    const vector8 t4 = __builtin_shufflevector(r4, r5, 0, 8, 1, 9, 4, 12, 5, 13);
    const vector8 t5 = __builtin_shufflevector(r4, r5, 2, 10, 3, 11, 6, 14, 7, 15);
    const vector8 t6 = __builtin_shufflevector(r6, r7, 0, 8, 1, 9, 4, 12, 5, 13);
    const vector8 t7 = __builtin_shufflevector(r6, r7, 2, 10, 3, 11, 6, 14, 7, 15);
    const vector8 u0 = __builtin_shufflevector(t0, t2, 0, 1, 8, 9, 4, 5, 12, 13);
    const vector8 u1 = __builtin_shufflevector(t0, t2, 2, 3, 10, 11, 6, 7, 14, 15);
    const vector8 u2 = __builtin_shufflevector(t1, t3, 0, 1, 8, 9, 4, 5, 12, 13);
    const vector8 u3 = __builtin_shufflevector(t1, t3, 2, 3, 10, 11, 6, 7, 14, 15);
    const vector8 u4 = __builtin_shufflevector(t4, t6, 0, 1, 8, 9, 4, 5, 12, 13);
    const vector8 u5 = __builtin_shufflevector(t4, t6, 2, 3, 10, 11, 6, 7, 14, 15);
    const vector8 u6 = __builtin_shufflevector(t5, t7, 0, 1, 8, 9, 4, 5, 12, 13);
    const vector8 u7 = __builtin_shufflevector(t5, t7, 2, 3, 10, 11, 6, 7, 14, 15);
    const vector8 o0 = __builtin_shufflevector(u0, u4, 0, 1, 2, 3, 8, 9, 10, 11);
    const vector8 o1 = __builtin_shufflevector(u1, u5, 0, 1, 2, 3, 8, 9, 10, 11);
    const vector8 o2 = __builtin_shufflevector(u2, u6, 0, 1, 2, 3, 8, 9, 10, 11);
    const vector8 o3 = __builtin_shufflevector(u3, u7, 0, 1, 2, 3, 8, 9, 10, 11);
    const vector8 o4 = __builtin_shufflevector(u0, u4, 4, 5, 6, 7, 12, 13, 14, 15);
    const vector8 o5 = __builtin_shufflevector(u1, u5, 4, 5, 6, 7, 12, 13, 14, 15);
    const vector8 o6 = __builtin_shufflevector(u2, u6, 4, 5, 6, 7, 12, 13, 14, 15);
    const vector8 o7 = __builtin_shufflevector(u3, u7, 4, 5, 6, 7, 12, 13, 14, 15);
    STORE8(out, o0); STORE8(out + TILE_COLUMNS, o1); STORE8(out + 2 * TILE_COLUMNS, o2);
    STORE8(out + 3 * TILE_COLUMNS, o3); STORE8(out + 4 * TILE_COLUMNS, o4); STORE8(out + 5 * TILE_COLUMNS, o5);
    STORE8(out + 6 * TILE_COLUMNS, o6); STORE8(out + 7 * TILE_COLUMNS, o7);
}

/// Copies steps [first, first + depth) of columns [j, j + width) of b into a depth × TILE_COLUMNS
/// panel, zero past `width`.
static void pack_columns(MKOperand b, ptrdiff_t first, ptrdiff_t depth, ptrdiff_t j, ptrdiff_t width, float *panel) {
    if (b.column_stride == 1) {  // row-major b: one row of the panel per step
        for (ptrdiff_t p = 0; p < depth; p++) {
            const float *row = b.base + (first + p) * b.row_stride + j;
            float *out = panel + p * TILE_COLUMNS;
            if (width == TILE_COLUMNS) {
                memcpy(out, row, sizeof(float) * TILE_COLUMNS);
                continue;
            }
            for (int v = 0; v < TILE_VECTORS; v++) {
                vector8 values = (vector8){0};
                const ptrdiff_t count = lanes_inside(width, v);
                if (count > 0) LOAD_LANES(values, row + 8 * v, count);
                STORE8(out + 8 * v, values);
            }
        }
        return;
    }
    // Transposed b (a layer's weights): each column of the panel is a contiguous run in memory.
    // Whole panels go through 8 × 8 blocks transposed in registers; the rest element by element.
    ptrdiff_t done = 0;
    if (b.row_stride == 1 && width == TILE_COLUMNS) {
        for (; done + 8 <= depth; done += 8) {
            for (int v = 0; v < TILE_VECTORS; v++) {
                transpose8x8(b.base + first + done + (j + 8 * v) * b.column_stride, b.column_stride,
                             panel + done * TILE_COLUMNS + 8 * v);
            }
        }
    }
    if (done == depth) return;
    if (width < TILE_COLUMNS) memset(panel, 0, sizeof(float) * (size_t)(depth * TILE_COLUMNS));
    for (ptrdiff_t q = 0; q < width; q++) {
        const float *column = b.base + (first + done) * b.row_stride + (j + q) * b.column_stride;
        for (ptrdiff_t p = done; p < depth; p++) panel[p * TILE_COLUMNS + q] = column[(p - done) * b.row_stride];
    }
}

/// An edge tile: `rows` (1 … TILE_ROWS) passed on as a constant, so the rows past the edge of c
/// are not computed at all.
static inline __attribute__((always_inline)) void edge_tile(const TileRows *a, const float *b, float *c, ptrdiff_t ldc,
                                                            ptrdiff_t depth, int load, const float *bias,
                                                            ptrdiff_t rows, ptrdiff_t width, int vectors) {
    _Static_assert(TILE_ROWS >= 1 && TILE_ROWS <= 8, "edge_tile lists row counts up to 7");
#define EDGE_ROWS(n) case n: tile(a, b, c, ldc, depth, load, bias, n, width, vectors); return;
    switch (rows) {
#if TILE_ROWS > 1
    EDGE_ROWS(1)
#endif
#if TILE_ROWS > 2
    EDGE_ROWS(2)
#endif
#if TILE_ROWS > 3
    EDGE_ROWS(3)
#endif
#if TILE_ROWS > 4
    EDGE_ROWS(4)
#endif
#if TILE_ROWS > 5
    EDGE_ROWS(5)
#endif
#if TILE_ROWS > 6
    EDGE_ROWS(6)
#endif
#if TILE_ROWS > 7
    EDGE_ROWS(7)
#endif
    default: tile(a, b, c, ldc, depth, load, bias, TILE_ROWS, width, vectors); return;  // rows == TILE_ROWS
    }
#undef EDGE_ROWS
}

/// Hints the cache to fetch the tile of c at (i, j) while the current tile computes: at the
/// start of a pass, a large c comes from far caches or memory.
static inline __attribute__((always_inline)) void prefetch_tile(float *c, ptrdiff_t ldc) {
#pragma clang loop unroll(full)
    for (int r = 0; r < TILE_ROWS; r++) {
        __builtin_prefetch(c + r * ldc, 1);
        __builtin_prefetch(c + r * ldc + TILE_COLUMNS - 1, 1);
    }
}

void KERNEL(product_columns)(const float *packed, MKOperand a, MKOperand b, const float *bias, float *c,
                             ptrdiff_t ldc, ptrdiff_t m, ptrdiff_t k, ptrdiff_t column_start, ptrdiff_t column_end,
                             int accumulate, float *panels) {
    if (k == 0) {
        for (ptrdiff_t i = 0; i < m; i++) {
            for (ptrdiff_t j = column_start; j < column_end; j++) {
                float value = accumulate ? c[i * ldc + j] : 0.0f;
                if (bias) value += bias[j];
                c[i * ldc + j] = value;
            }
        }
        return;
    }
    const ptrdiff_t pass_depth = mk_pass_depth(k);
    // A c that fits in the first-level cache (8,192 floats is 32 KiB) is not worth the hints.
    const int prefetch = m * ldc > 8192;
    for (ptrdiff_t first = 0; first < k; first += pass_depth) {
        const ptrdiff_t depth = minimum(pass_depth, k - first);
        const int load = accumulate || first > 0;
        const int last_pass = first + depth == k;
        // Row blocks of a small enough to stay in L2 across all the column panels; each panel of
        // b is packed while the first row block uses it, then reused by the others.
        for (ptrdiff_t block = 0; block < m; block += MK_ROW_BLOCK) {
            const ptrdiff_t block_end = minimum(block + MK_ROW_BLOCK, m);
            float *panel = panels;
            for (ptrdiff_t j = column_start; j < column_end; j += TILE_COLUMNS, panel += pass_depth * TILE_COLUMNS) {
                const ptrdiff_t width = minimum(TILE_COLUMNS, column_end - j);
                if (block == 0) pack_columns(b, first, depth, j, width, panel);
                // The bias joins each element once, after its last product.
                const float *tile_bias = bias && last_pass ? bias + j : NULL;
                for (ptrdiff_t i = block; i < block_end; i += TILE_ROWS) {
                    const ptrdiff_t rows = minimum(TILE_ROWS, m - i);
                    TileRows tile_rows;
                    if (packed) {
                        tile_rows.step = TILE_ROWS;
                        for (int r = 0; r < TILE_ROWS; r++) tile_rows.rows[r] = packed + i * k + first * TILE_ROWS + r;
                    } else {
                        tile_rows.step = a.column_stride;
                        for (int r = 0; r < TILE_ROWS; r++) {
                            tile_rows.rows[r] = a.base + (i + minimum(r, rows - 1)) * a.row_stride + first * a.column_stride;
                        }
                    }
                    if (prefetch && i + TILE_ROWS < block_end) prefetch_tile(c + (i + TILE_ROWS) * ldc + j, ldc);
                    if (rows == TILE_ROWS && width == TILE_COLUMNS) {
                        tile(&tile_rows, panel, c + i * ldc + j, ldc, depth, load, tile_bias, TILE_ROWS, TILE_COLUMNS,
                             TILE_VECTORS);
                    } else if (TILE_VECTORS > 1 && width <= 8) {
                        edge_tile(&tile_rows, panel, c + i * ldc + j, ldc, depth, load, tile_bias, rows, width, 1);
                    } else {
                        edge_tile(&tile_rows, panel, c + i * ldc + j, ldc, depth, load, tile_bias, rows, width, TILE_VECTORS);
                    }
                }
            }
        }
    }
}
