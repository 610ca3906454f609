// The body of one Adam kernel. A kernel's .c file defines, then includes this file (after
// product_kernel.h, whose LOAD8 and STORE8 it uses):
//   KERNEL(name)     the public name of `name` for this kernel
//   SQRT8(vector)    the correctly rounded square root of each of the 8 lanes
// inside a `#pragma clang attribute` that sets the instruction set.
//
// Each parameter's update is PyTorch's single-tensor Adam, in the operation order of the Swift
// definition it replaces (`Adam`), every product and sum rounded on its own: the same bits
// with every kernel, eight lanes or one at a time.

#include <math.h>
#include "kernels.h"

#pragma clang fp contract(off)

void KERNEL(adam_update)(float *theta, const float *gradient, float *m, float *v, ptrdiff_t count, MKAdamStep step) {
    const float one_minus_beta1 = 1 - step.beta1, one_minus_beta2 = 1 - step.beta2;
    ptrdiff_t i = 0;
    for (; i + 8 <= count; i += 8) {
        vector8 g, old, mi, vi;
        LOAD8(g, gradient + i);
        LOAD8(old, theta + i);
        LOAD8(mi, m + i);
        LOAD8(vi, v + i);
        if (step.decay != 0) g += step.decay * old;
        mi += (g - mi) * one_minus_beta1;  // PyTorch's lerp_
        vi = vi * step.beta2 + one_minus_beta2 * g * g;
        const vector8 denominator = SQRT8(vi) / step.bias_correction2_root + step.epsilon;
        const vector8 updated = old - step.step_size * (mi / denominator);
        STORE8(m + i, mi);
        STORE8(v + i, vi);
        STORE8(theta + i, updated);
    }
    for (; i < count; i++) {
        float g = gradient[i];
        if (step.decay != 0) g += step.decay * theta[i];
        m[i] += (g - m[i]) * one_minus_beta1;
        v[i] = v[i] * step.beta2 + one_minus_beta2 * g * g;
        const float denominator = sqrtf(v[i]) / step.bias_correction2_root + step.epsilon;
        theta[i] -= step.step_size * (m[i] / denominator);
    }
}
