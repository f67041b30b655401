// Layer normalisation (Ba, Kiros & Hinton 2016) over rows of width c, one warp per row, and its
// backward: dx in the same layout, dγ and dβ as column sums over the rows.
#include "common.cuh"

extern "C" __global__ void layernorm_forward(float* out, float* mean, float* rstd, const float* x, const float* gamma,
        const float* beta, int rows, int c, float eps) {
    int row = blockIdx.x * (blockDim.x / 32) + threadIdx.x / 32;
    int lane = threadIdx.x % 32;
    if (row >= rows) return;
    const float* xr = x + (long) row * c;
    float s = 0.0f;
    for (int j = lane; j < c; j += 32) s += xr[j];
    float mu = warp_sum(s) / c;
    float q = 0.0f;
    for (int j = lane; j < c; j += 32) {
        float d = xr[j] - mu;
        q += d * d;
    }
    float r = 1.0f / sqrtf(warp_sum(q) / c + eps);
    float* o = out + (long) row * c;
    for (int j = lane; j < c; j += 32) o[j] = (xr[j] - mu) * r * gamma[j] + beta[j];
    if (lane == 0) {
        mean[row] = mu;
        rstd[row] = r;
    }
}

// dx += rstd·(g − mean(g) − n̂·mean(g ⊙ n̂)) with g = dout ⊙ γ and n̂ = (x − μ)·rstd.
extern "C" __global__ void layernorm_backward_dx(float* dx, const float* dout, const float* x, const float* gamma,
        const float* mean, const float* rstd, int rows, int c) {
    int row = blockIdx.x * (blockDim.x / 32) + threadIdx.x / 32;
    int lane = threadIdx.x % 32;
    if (row >= rows) return;
    long off = (long) row * c;
    float mu = mean[row];
    float r = rstd[row];
    float sg = 0.0f;
    float sgn = 0.0f;
    for (int j = lane; j < c; j += 32) {
        float g = dout[off + j] * gamma[j];
        sg += g;
        sgn += g * (x[off + j] - mu) * r;
    }
    float mg = warp_sum(sg) / c;
    float mgn = warp_sum(sgn) / c;
    for (int j = lane; j < c; j += 32) {
        float g = dout[off + j] * gamma[j];
        float nh = (x[off + j] - mu) * r;
        dx[off + j] += r * (g - mg - nh * mgn);
    }
}

// dγ += Σ_r dout ⊙ n̂, dβ += Σ_r dout; blocks of (32, 8) threads as column_sums_add.
extern "C" __global__ void layernorm_backward_params(float* dgamma, float* dbeta, const float* dout, const float* x,
        const float* mean, const float* rstd, int rows, int c) {
    __shared__ float pg[8][33];
    __shared__ float pb[8][33];
    int j = blockIdx.x * 32 + threadIdx.x;
    float sg = 0.0f;
    float sb = 0.0f;
    if (j < c) {
        for (int r = blockIdx.y * 8 + threadIdx.y; r < rows; r += 8 * gridDim.y) {
            float d = dout[(long) r * c + j];
            sg += d * (x[(long) r * c + j] - mean[r]) * rstd[r];
            sb += d;
        }
    }
    pg[threadIdx.y][threadIdx.x] = sg;
    pb[threadIdx.y][threadIdx.x] = sb;
    __syncthreads();
    if (threadIdx.y == 0 && j < c) {
        float tg = 0.0f;
        float tb = 0.0f;
        for (int y = 0; y < 8; y++) {
            tg += pg[y][threadIdx.x];
            tb += pb[y][threadIdx.x];
        }
        atomicAdd(&dgamma[j], tg);
        atomicAdd(&dbeta[j], tb);
    }
}
