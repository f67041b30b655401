// Causal multi-head self-attention around cuBLAS's batched products: Q, K and V are copied out of
// qkv [b, t, 3c] into [b, heads, t, d] so that every head is one matrix of a strided batch; the causal
// softmax and its backward run one warp per row; the context vectors go back to [b, t, c].
#include "common.cuh"

// Where element i of a [b, heads, t, d] tensor lies in a [b, t, width] one: head h's columns h·d..h·d + d − 1.
__device__ __forceinline__ long token_major(int i, int t, int heads, int d, int width) {
    int e = i % d;
    int pos = (i / d) % t;
    int h = (i / (d * t)) % heads;
    int seq = i / (d * t * heads);
    return ((long) seq * t + pos) * width + h * d + e;
}

// q, k, v [b, heads, t, d] from qkv [b, t, 3c].
extern "C" __global__ void attention_split(float* q, float* k, float* v, const float* qkv, int b, int t, int heads, int d) {
    int c = heads * d;
    GRID_STRIDE(i, b * heads * t * d) {
        long src = token_major(i, t, heads, d, 3 * c);
        q[i] = qkv[src];
        k[i] = qkv[src + c];
        v[i] = qkv[src + 2 * c];
    }
}

// dqkv [b, t, 3c] from dq, dk, dv [b, heads, t, d]: the inverse of attention_split.
extern "C" __global__ void attention_join(float* dqkv, const float* dq, const float* dk, const float* dv, int b, int t,
        int heads, int d) {
    int c = heads * d;
    GRID_STRIDE(i, b * heads * t * d) {
        long dst = token_major(i, t, heads, d, 3 * c);
        dqkv[dst] = dq[i];
        dqkv[dst + c] = dk[i];
        dqkv[dst + 2 * c] = dv[i];
    }
}

// out [b, t, c] from y [b, heads, t, d] (to_heads = 0), or y from out (to_heads = 1).
extern "C" __global__ void attention_heads(float* out, float* y, int b, int t, int heads, int d, int to_heads) {
    int c = heads * d;
    GRID_STRIDE(i, b * heads * t * d) {
        long o = token_major(i, t, heads, d, c);
        if (to_heads) {
            y[i] = out[o];
        } else {
            out[o] = y[i];
        }
    }
}

// att[r] = softmax of scores[r][0..i] with i = r mod t, 0 beyond: rows = b·heads·t.
extern "C" __global__ void causal_softmax(float* att, const float* scores, int rows, int t) {
    int row = blockIdx.x * (blockDim.x / 32) + threadIdx.x / 32;
    int lane = threadIdx.x % 32;
    if (row >= rows) return;
    int seen = row % t + 1;
    const float* s = scores + (long) row * t;
    float* a = att + (long) row * t;
    float m = -INFINITY;
    for (int j = lane; j < seen; j += 32) m = fmaxf(m, s[j]);
    m = warp_max(m);
    float sum = 0.0f;
    for (int j = lane; j < seen; j += 32) sum += expf(s[j] - m);
    sum = warp_sum(sum);
    float inv = 1.0f / sum;
    for (int j = lane; j < t; j += 32) a[j] = j < seen ? expf(s[j] - m) * inv : 0.0f;
}

// dscores = scale · A ⊙ (dA − Σ_j A ⊙ dA) on the seen positions, 0 beyond; dscores may be datt.
extern "C" __global__ void causal_softmax_backward(float* dscores, const float* att, const float* datt, int rows, int t,
        float scale) {
    int row = blockIdx.x * (blockDim.x / 32) + threadIdx.x / 32;
    int lane = threadIdx.x % 32;
    if (row >= rows) return;
    int seen = row % t + 1;
    const float* a = att + (long) row * t;
    const float* da = datt + (long) row * t;
    float* ds = dscores + (long) row * t;
    float s = 0.0f;
    for (int j = lane; j < seen; j += 32) s += a[j] * da[j];
    s = warp_sum(s);
    for (int j = lane; j < t; j += 32) ds[j] = j < seen ? scale * a[j] * (da[j] - s) : 0.0f;
}
