// Matrix-vector products for decode: out [rows] = W [rows, cols] * x [cols], one warp per output row,
// lanes striding over the row so a warp's loads are contiguous, then a shuffle reduction.
#include <stdint.h>
#include "common.cuh"

namespace {

constexpr int WARPS_PER_BLOCK = 8;
constexpr int Q8_0_BLOCK = 32;  // ggml QK8_0

// ggml's block_q8_0: a float16 scale and 32 signed 8-bit quants, 34 bytes, no padding.
struct BlockQ8_0 {
    __half scale;
    int8_t quants[Q8_0_BLOCK];
};
static_assert(sizeof(BlockQ8_0) == 34, "ggml Q8_0 block layout");

__device__ __forceinline__ float warp_sum(float value) {
    for (int offset = 16; offset > 0; offset /= 2) value += __shfl_down_sync(0xffffffffu, value, offset);
    return value;
}

// W is float or __half.
template <typename W>
__global__ void matvec_dense_kernel(float* __restrict__ out, const W* __restrict__ w, const float* __restrict__ x,
                                    int rows, int cols) {
    const int row = blockIdx.x * WARPS_PER_BLOCK + threadIdx.x / 32, lane = threadIdx.x % 32;
    if (row >= rows) return;
    const W* weights = w + (size_t)row * cols;
    float acc = 0.f;
    for (int c = lane; c < cols; c += 32) acc = fmaf(to_float(weights[c]), x[c], acc);
    acc = warp_sum(acc);
    if (lane == 0) out[row] = acc;
}

// Lane i reads quant i of every block of the row: 32 lanes cover one block per step.
__global__ void matvec_q8_0_kernel(float* __restrict__ out, const BlockQ8_0* __restrict__ w,
                                   const float* __restrict__ x, int rows, int cols) {
    const int row = blockIdx.x * WARPS_PER_BLOCK + threadIdx.x / 32, lane = threadIdx.x % 32;
    if (row >= rows) return;
    const int blocks = cols / Q8_0_BLOCK;
    const BlockQ8_0* weights = w + (size_t)row * blocks;
    float acc = 0.f;
    for (int b = 0; b < blocks; ++b)
        acc = fmaf(__half2float(weights[b].scale) * (float)weights[b].quants[lane], x[b * Q8_0_BLOCK + lane], acc);
    acc = warp_sum(acc);
    if (lane == 0) out[row] = acc;
}

}  // namespace

extern "C" int graphrag_cuda_matvec_f32(float* out, const float* weight, const float* x, int rows, int cols) {
    if (rows <= 0 || cols <= 0) return (int)cudaErrorInvalidValue;
    matvec_dense_kernel<float><<<grc_blocks(rows, WARPS_PER_BLOCK), WARPS_PER_BLOCK * 32>>>(out, weight, x, rows, cols);
    return grc_launch_result();
}

extern "C" int graphrag_cuda_matvec_f16(float* out, const void* weight, const float* x, int rows, int cols) {
    if (rows <= 0 || cols <= 0) return (int)cudaErrorInvalidValue;
    matvec_dense_kernel<__half><<<grc_blocks(rows, WARPS_PER_BLOCK), WARPS_PER_BLOCK * 32>>>(
        out, static_cast<const __half*>(weight), x, rows, cols);
    return grc_launch_result();
}

extern "C" int graphrag_cuda_matvec_q8_0(float* out, const void* weight, const float* x, int rows, int cols) {
    if (rows <= 0 || cols <= 0 || cols % Q8_0_BLOCK != 0) return (int)cudaErrorInvalidValue;
    matvec_q8_0_kernel<<<grc_blocks(rows, WARPS_PER_BLOCK), WARPS_PER_BLOCK * 32>>>(
        out, static_cast<const BlockQ8_0*>(weight), x, rows, cols);
    return grc_launch_result();
}
