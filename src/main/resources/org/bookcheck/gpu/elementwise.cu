// Element-wise kernels: residual add, GELU (tanh form, Hendrycks & Gimpel 2016) and its derivative,
// scaling, SGD and AdamW (Loshchilov & Hutter 2019), bias broadcast, column sums and Σx².
#include "common.cuh"

extern "C" __global__ void add_forward(float* out, const float* a, const float* b, int n) {
    GRID_STRIDE(i, n) out[i] = a[i] + b[i];
}

#define GELU_SQRT_2_OVER_PI 0.7978845608028654f
#define GELU_CUBIC 0.044715f

extern "C" __global__ void gelu_forward(float* out, const float* x, int n) {
    GRID_STRIDE(i, n) {
        float v = x[i];
        float u = GELU_SQRT_2_OVER_PI * (v + GELU_CUBIC * v * v * v);
        out[i] = 0.5f * v * (1.0f + tanhf(u));
    }
}

// dx = dout · gelu'(x); dx may be dout.
extern "C" __global__ void gelu_backward(float* dx, const float* x, const float* dout, int n) {
    GRID_STRIDE(i, n) {
        float v = x[i];
        float u = GELU_SQRT_2_OVER_PI * (v + GELU_CUBIC * v * v * v);
        float th = tanhf(u);
        float du = GELU_SQRT_2_OVER_PI * (1.0f + 3.0f * GELU_CUBIC * v * v);
        float grad = 0.5f * (1.0f + th) + 0.5f * v * (1.0f - th * th) * du;
        dx[i] = dout[i] * grad;
    }
}

extern "C" __global__ void scale_inplace(float* x, float s, int n) {
    GRID_STRIDE(i, n) x[i] *= s;
}

extern "C" __global__ void sgd_update(float* w, const float* g, float lr, int n) {
    GRID_STRIDE(i, n) w[i] = w[i] - g[i] * lr;
}

// c1 = 1/(1 − β₁ᵗ) and c2 = 1/(1 − β₂ᵗ) come from the host, rounded to float as the CPU kernel does.
extern "C" __global__ void adamw_update(float* w, const float* g, float* m, float* v, int n, float lr, float beta1,
        float beta2, float eps, float weight_decay, float c1, float c2) {
    GRID_STRIDE(i, n) {
        float gi = g[i];
        float mi = m[i] * beta1 + gi * (1.0f - beta1);
        float vi = v[i] * beta2 + gi * gi * (1.0f - beta2);
        m[i] = mi;
        v[i] = vi;
        float update = mi * c1 / (sqrtf(vi * c2) + eps) + w[i] * weight_decay;
        w[i] = w[i] - update * lr;
    }
}

// out[r, j] = bias[j] for r < rows, j < n: the start of y = xW + b before the product adds xW.
extern "C" __global__ void broadcast_rows(float* out, const float* bias, int rows, int n) {
    GRID_STRIDE(i, rows * n) out[i] = bias[i % n];
}

// sums[j] += Σ_r m[r, j]. Block (32, 8): threadIdx.x picks the column, the 8 rows of threads and
// the grid's y dimension split the rows; partial sums meet in shared memory, then one atomic add.
extern "C" __global__ void column_sums_add(float* sums, const float* m, int rows, int n) {
    __shared__ float part[8][33];
    int j = blockIdx.x * 32 + threadIdx.x;
    float s = 0.0f;
    if (j < n) {
        for (int r = blockIdx.y * 8 + threadIdx.y; r < rows; r += 8 * gridDim.y) s += m[(long) r * n + j];
    }
    part[threadIdx.y][threadIdx.x] = s;
    __syncthreads();
    if (threadIdx.y == 0 && j < n) {
        float total = 0.0f;
        for (int y = 0; y < 8; y++) total += part[y][threadIdx.x];
        atomicAdd(&sums[j], total);
    }
}

// partial[blockIdx.x] = Σ x² over this block's share, in double (256 threads a block).
extern "C" __global__ void sum_squares(double* partial, const float* x, int n) {
    __shared__ double part[256];
    double s = 0.0;
    GRID_STRIDE(i, n) s += (double) x[i] * x[i];
    part[threadIdx.x] = s;
    __syncthreads();
    for (int half = blockDim.x / 2; half > 0; half >>= 1) {
        if (threadIdx.x < half) part[threadIdx.x] += part[threadIdx.x + half];
        __syncthreads();
    }
    if (threadIdx.x == 0) partial[blockIdx.x] = part[0];
}
