// The body of one matrix-product kernel. A kernel's .c file defines, then includes this file:
//   KERNEL(name)  the public name of `name` for this kernel (e.g. mk_avx_##name)
//   TILE_ROWS     rows of c in one register tile
//   TILE_VECTORS  8-float vectors per tile row (the tile is TILE_ROWS × 8·TILE_VECTORS)
// inside a `#pragma clang attribute` that sets the instruction set.
//
// Layout: a is packed once into row panels (TILE_ROWS rows, all k, interleaved so one step of
// p reads TILE_ROWS consecutive floats); b is packed per pass into a column panel (MK_DEPTH
// steps of p × TILE_COLUMNS). A tile of c stays in registers for a whole pass; passes over k
// write c back and the next pass reads it again, which keeps each element's order of
// additions p = 0, 1, …, k−1.

#include <string.h>
#include "kernels.h"

#pragma clang fp contract(off)

#define TILE_COLUMNS (8 * TILE_VECTORS)

typedef float vector8 __attribute__((vector_size(32)));

// Unaligned loads and stores as macros: helper functions taking or returning vector8 would have
// a different ABI in the baseline build.
#define LOAD8(vector, pointer) memcpy(&(vector), (pointer), sizeof(vector8))
#define STORE8(pointer, vector) memcpy((pointer), &(vector), sizeof(vector8))

static inline ptrdiff_t minimum(ptrdiff_t x, ptrdiff_t y) { return x < y ? x : y; }

ptrdiff_t KERNEL(rows)(void) { return TILE_ROWS; }
ptrdiff_t KERNEL(columns)(void) { return TILE_COLUMNS; }

/// Where a tile reads a: row r's element for step p is `rows[r][p * step]`. For a packed panel
/// rows[r] = panel + r and step = TILE_ROWS; for a in place, rows past the end of a repeat the
/// last real row (computed, never stored), so nothing is read outside a.
typedef struct {
    const float *rows[TILE_ROWS];
    ptrdiff_t step;
} TileRows;

/// One full tile: c (row stride ldc) [loaded when `load`] plus `depth` steps of a × b-panel,
/// then plus `bias` (TILE_COLUMNS values, one per column) when it is not NULL.
static inline __attribute__((always_inline)) void tile(const TileRows *a, const float *b, float *c, ptrdiff_t ldc,
                                                       ptrdiff_t depth, int load, const float *bias) {
    vector8 sum[TILE_ROWS][TILE_VECTORS];
    const float *rows[TILE_ROWS];
    const ptrdiff_t step = a->step;
#pragma clang loop unroll(full)
    for (int r = 0; r < TILE_ROWS; r++) {
        rows[r] = a->rows[r];
#pragma clang loop unroll(full)
        for (int v = 0; v < TILE_VECTORS; v++) {
            sum[r][v] = (vector8){0};
            if (load) LOAD8(sum[r][v], c + r * ldc + 8 * v);
        }
    }
    for (ptrdiff_t p = 0, offset = 0; p < depth; p++, offset += step) {
        vector8 bp[TILE_VECTORS];
#pragma clang loop unroll(full)
        for (int v = 0; v < TILE_VECTORS; v++) LOAD8(bp[v], b + p * TILE_COLUMNS + 8 * v);
#pragma clang loop unroll(full)
        for (int r = 0; r < TILE_ROWS; r++) {
            const float ap = rows[r][offset];
#pragma clang loop unroll(full)
            for (int v = 0; v < TILE_VECTORS; v++) sum[r][v] += bp[v] * ap;
        }
    }
    if (bias) {
        vector8 bv[TILE_VECTORS];
#pragma clang loop unroll(full)
        for (int v = 0; v < TILE_VECTORS; v++) LOAD8(bv[v], bias + 8 * v);
#pragma clang loop unroll(full)
        for (int r = 0; r < TILE_ROWS; r++) {
#pragma clang loop unroll(full)
            for (int v = 0; v < TILE_VECTORS; v++) sum[r][v] += bv[v];
        }
    }
#pragma clang loop unroll(full)
    for (int r = 0; r < TILE_ROWS; r++) {
#pragma clang loop unroll(full)
        for (int v = 0; v < TILE_VECTORS; v++) STORE8(c + r * ldc + 8 * v, sum[r][v]);
    }
}

/// A tile cut by the last rows or columns of c: computed whole in a local copy (starting from c,
/// zeros where c has no element, when accumulating), of which only the real part is written back.
static void partial_tile(const TileRows *a, const float *b, float *c, ptrdiff_t ldc, ptrdiff_t depth, int load,
                         const float *bias, ptrdiff_t rows, ptrdiff_t width) {
    float local[TILE_ROWS * TILE_COLUMNS];
    if (load) {
        memset(local, 0, sizeof local);
        for (ptrdiff_t r = 0; r < rows; r++) {
            for (ptrdiff_t q = 0; q < width; q++) local[r * TILE_COLUMNS + q] = c[r * ldc + q];
        }
    }
    tile(a, b, local, TILE_COLUMNS, depth, load, bias);
    for (ptrdiff_t r = 0; r < rows; r++) {
        for (ptrdiff_t q = 0; q < width; q++) c[r * ldc + q] = local[r * TILE_COLUMNS + q];
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

/// Copies steps [first, first + depth) of columns [j, j + width) of b into a depth × TILE_COLUMNS
/// panel, zero past `width`.
static void pack_columns(MKOperand b, ptrdiff_t first, ptrdiff_t depth, ptrdiff_t j, ptrdiff_t width, float *panel) {
    if (b.column_stride == 1 && width == TILE_COLUMNS) {
        for (ptrdiff_t p = 0; p < depth; p++) {
            memcpy(panel + p * TILE_COLUMNS, b.base + (first + p) * b.row_stride + j, sizeof(float) * TILE_COLUMNS);
        }
        return;
    }
    for (ptrdiff_t q = 0; q < TILE_COLUMNS; q++) {
        if (q < width) {
            const float *column = b.base + first * b.row_stride + (j + q) * b.column_stride;
            for (ptrdiff_t p = 0; p < depth; p++) panel[p * TILE_COLUMNS + q] = column[p * b.row_stride];
        } else {
            for (ptrdiff_t p = 0; p < depth; p++) panel[p * TILE_COLUMNS + q] = 0.0f;
        }
    }
}

/// Hints the cache to fetch the tile of c at (i, j) while the current tile computes: at the
/// start of a pass, c comes from far caches or memory.
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
                // The bias joins each element once, after its last product; a cut tile reads it
                // from a zero-padded copy.
                float padded_bias[TILE_COLUMNS] = {0};
                const float *tile_bias = NULL;
                if (bias && last_pass) {
                    if (width == TILE_COLUMNS) {
                        tile_bias = bias + j;
                    } else {
                        memcpy(padded_bias, bias + j, (size_t)width * sizeof(float));
                        tile_bias = padded_bias;
                    }
                }
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
                    if (i + TILE_ROWS < block_end) prefetch_tile(c + (i + TILE_ROWS) * ldc + j, ldc);
                    if (rows == TILE_ROWS && width == TILE_COLUMNS) {
                        tile(&tile_rows, panel, c + i * ldc + j, ldc, depth, load, tile_bias);
                    } else {
                        partial_tile(&tile_rows, panel, c + i * ldc + j, ldc, depth, load, tile_bias, rows, width);
                    }
                }
            }
        }
    }
}
