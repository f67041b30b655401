// Token plus learned position embedding, and its backward (rows of dwte gathered with atomics, since
// a token may repeat; rows of dwpe summed over the batch by one thread each).
#include "common.cuh"

extern "C" __global__ void embed_forward(float* out, const int* tokens, const float* wte, const float* wpe, int bt, int t,
        int c) {
    GRID_STRIDE(i, bt * c) {
        int row = i / c;
        int j = i % c;
        out[i] = wte[(long) tokens[row] * c + j] + wpe[(long) (row % t) * c + j];
    }
}

extern "C" __global__ void embed_backward_wte(float* dwte, const float* dout, const int* tokens, int bt, int c) {
    GRID_STRIDE(i, bt * c) {
        int row = i / c;
        atomicAdd(&dwte[(long) tokens[row] * c + i % c], dout[i]);
    }
}

extern "C" __global__ void embed_backward_wpe(float* dwpe, const float* dout, int b, int t, int c) {
    GRID_STRIDE(i, t * c) {
        float s = 0.0f;
        for (int seq = 0; seq < b; seq++) s += dout[(long) seq * t * c + i];
        dwpe[i] += s;
    }
}
