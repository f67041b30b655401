// Softmax over the vocabulary, cross-entropy −ln p_target (taken as ln Σe^(z−m) − (z_t − m), finite
// even when p_t underflows), and the gradient weights·(p − onehot), one warp per row.
#include "common.cuh"

__device__ __forceinline__ void softmax_row(float* p, const float* z, int v, int lane, float* max_out, float* sum_out) {
    float m = -INFINITY;
    for (int j = lane; j < v; j += 32) m = fmaxf(m, z[j]);
    m = warp_max(m);
    float s = 0.0f;
    for (int j = lane; j < v; j += 32) {
        float e = expf(z[j] - m);
        p[j] = e;
        s += e;
    }
    s = warp_sum(s);
    float inv = 1.0f / s;
    for (int j = lane; j < v; j += 32) p[j] *= inv;
    *max_out = m;
    *sum_out = s;
}

extern "C" __global__ void softmax_forward(float* probs, const float* logits, int rows, int v) {
    int row = blockIdx.x * (blockDim.x / 32) + threadIdx.x / 32;
    if (row >= rows) return;
    float m, s;
    softmax_row(probs + (long) row * v, logits + (long) row * v, v, threadIdx.x % 32, &m, &s);
}

extern "C" __global__ void crossentropy_forward(float* probs, float* losses, const float* logits, const int* targets,
        int rows, int v) {
    int row = blockIdx.x * (blockDim.x / 32) + threadIdx.x / 32;
    int lane = threadIdx.x % 32;
    if (row >= rows) return;
    const float* z = logits + (long) row * v;
    float m, s;
    softmax_row(probs + (long) row * v, z, v, lane, &m, &s);
    if (lane == 0) {
        int t = targets[row];
        losses[row] = t < 0 ? 0.0f : (float) (log((double) s) - ((double) z[t] - m));
    }
}

// dlogits may be the logits (not the probs).
extern "C" __global__ void crossentropy_backward(float* dlogits, const float* probs, const int* targets, const float* weights,
        int rows, int v) {
    GRID_STRIDE(i, rows * v) {
        int row = i / v;
        int t = targets[row];
        float w = t < 0 ? 0.0f : weights[row];
        dlogits[i] = probs[i] * w - (i % v == t ? w : 0.0f);
    }
}
