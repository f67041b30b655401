// Shared by every kernel source of bookcheck's GPU backend (prepended once by GpuBackend, and
// included by each .cu when it is compiled on its own with nvcc in the tests).
#pragma once

// NVRTC includes no system headers, so the infinity the softmax starts its maximum from is spelled here.
#ifndef INFINITY
#define INFINITY __int_as_float(0x7f800000)
#endif

#define GRID_STRIDE(i, n) for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < (n); i += blockDim.x * gridDim.x)

__device__ __forceinline__ float warp_sum(float x) {
    for (int o = 16; o > 0; o >>= 1) x += __shfl_xor_sync(0xffffffffu, x, o);
    return x;
}

__device__ __forceinline__ float warp_max(float x) {
    for (int o = 16; o > 0; o >>= 1) x = fmaxf(x, __shfl_xor_sync(0xffffffffu, x, o));
    return x;
}
