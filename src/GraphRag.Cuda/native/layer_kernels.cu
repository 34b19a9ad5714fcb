// The element-wise and row-wise kernels a transformer layer needs besides attention and matmul.
#include "common.cuh"

namespace {

constexpr int ROW_THREADS = 256;

// out, x [rows, n]; weight [n]; one block per row.
__global__ void rmsnorm_kernel(float* __restrict__ out, const float* __restrict__ x, const float* __restrict__ weight,
                               int n, float eps) {
    __shared__ float partial[ROW_THREADS];
    const float* row = x + (size_t)blockIdx.x * n;
    float sum = 0.f;
    for (int i = threadIdx.x; i < n; i += ROW_THREADS) sum = fmaf(row[i], row[i], sum);
    partial[threadIdx.x] = sum;
    __syncthreads();
    for (int stride = ROW_THREADS / 2; stride > 0; stride /= 2) {
        if (threadIdx.x < stride) partial[threadIdx.x] += partial[threadIdx.x + stride];
        __syncthreads();
    }
    const float inv = rsqrtf(partial[0] / n + eps);
    for (int i = threadIdx.x; i < n; i += ROW_THREADS) out[(size_t)blockIdx.x * n + i] = row[i] * inv * weight[i];
}

// x [tokens, heads, headDim] in place; one thread per rotated pair (the first rotaryDims dimensions of a head).
// The angle is formed in double, as the CPU kernel does: positions reach the tens of thousands.
__global__ void rope_kernel(float* x, int tokens, int heads, int headDim, int rotaryDims, int startPos, float theta,
                            int neox) {
    const int pairs = rotaryDims / 2;
    const long long pair = blockIdx.x * (long long)blockDim.x + threadIdx.x;
    if (pair >= (long long)tokens * heads * pairs) return;
    const int i = (int)(pair % pairs);
    const long long vec = pair / pairs;  // token * heads + head
    const int token = (int)(vec / heads);
    const double angle = (double)(startPos + token) * pow((double)theta, -2.0 * i / rotaryDims);
    const float c = (float)cos(angle), s = (float)sin(angle);
    float* base = x + vec * headDim;
    const int a = neox ? i : 2 * i, b = neox ? i + pairs : 2 * i + 1;
    const float x0 = base[a], x1 = base[b];
    base[a] = x0 * c - x1 * s;
    base[b] = x0 * s + x1 * c;
}

__global__ void swiglu_kernel(float* out, const float* gate, const float* up, int n) {
    const int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) out[i] = gate[i] / (1.f + expf(-gate[i])) * up[i];
}

__global__ void add_kernel(float* out, const float* a, const float* b, int n) {
    const int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) out[i] = a[i] + b[i];
}

// One block; ties go to the lower index, like the CPU argmax.
constexpr int ARGMAX_THREADS = 1024;
__global__ void argmax_kernel(int* index, const float* x, int n) {
    __shared__ float bestValue[ARGMAX_THREADS];
    __shared__ int bestIndex[ARGMAX_THREADS];
    float value = -INFINITY;
    int at = n;  // sentinel larger than any real index
    for (int i = threadIdx.x; i < n; i += ARGMAX_THREADS)
        if (x[i] > value || at == n) { value = x[i]; at = i; }
    bestValue[threadIdx.x] = value;
    bestIndex[threadIdx.x] = at;
    __syncthreads();
    for (int stride = ARGMAX_THREADS / 2; stride > 0; stride /= 2) {
        if (threadIdx.x < stride) {
            const float other = bestValue[threadIdx.x + stride];
            const int otherAt = bestIndex[threadIdx.x + stride];
            if (other > bestValue[threadIdx.x] || (other == bestValue[threadIdx.x] && otherAt < bestIndex[threadIdx.x])) {
                bestValue[threadIdx.x] = other;
                bestIndex[threadIdx.x] = otherAt;
            }
        }
        __syncthreads();
    }
    if (threadIdx.x == 0) *index = bestIndex[0];
}

template <typename T>
__global__ void convert_kernel(T* dst, const float* src, int n) {
    const int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) dst[i] = from_float<T>(src[i]);
}

}  // namespace

extern "C" int graphrag_cuda_rmsnorm(float* out, const float* x, const float* weight, int rows, int n, float eps) {
    if (rows <= 0 || n <= 0) return (int)cudaErrorInvalidValue;
    rmsnorm_kernel<<<rows, ROW_THREADS>>>(out, x, weight, n, eps);
    return grc_launch_result();
}

extern "C" int graphrag_cuda_rope(float* x, int tokens, int heads, int headDim, int rotaryDims, int startPos,
                                  float theta, int neox) {
    if (tokens <= 0 || heads <= 0 || rotaryDims <= 0 || rotaryDims % 2 != 0 || rotaryDims > headDim || startPos < 0)
        return (int)cudaErrorInvalidValue;
    const long long pairs = (long long)tokens * heads * (rotaryDims / 2);
    rope_kernel<<<grc_blocks(pairs, 256), 256>>>(x, tokens, heads, headDim, rotaryDims, startPos, theta, neox);
    return grc_launch_result();
}

extern "C" int graphrag_cuda_swiglu(float* out, const float* gate, const float* up, int n) {
    if (n <= 0) return (int)cudaErrorInvalidValue;
    swiglu_kernel<<<grc_blocks(n, 256), 256>>>(out, gate, up, n);
    return grc_launch_result();
}

extern "C" int graphrag_cuda_add(float* out, const float* a, const float* b, int n) {
    if (n <= 0) return (int)cudaErrorInvalidValue;
    add_kernel<<<grc_blocks(n, 256), 256>>>(out, a, b, n);
    return grc_launch_result();
}

extern "C" int graphrag_cuda_argmax(int* index, const float* x, int n) {
    if (n <= 0) return (int)cudaErrorInvalidValue;
    argmax_kernel<<<1, ARGMAX_THREADS>>>(index, x, n);
    return grc_launch_result();
}

extern "C" int graphrag_cuda_convert_f32(void* dst, const float* src, int n, int dtype) {
    if (n <= 0) return (int)cudaErrorInvalidValue;
    switch (dtype) {
        case GRC_F32: return (int)cudaMemcpy(dst, src, (size_t)n * sizeof(float), cudaMemcpyDeviceToDevice);
        case GRC_F16: convert_kernel<__half><<<grc_blocks(n, 256), 256>>>(static_cast<__half*>(dst), src, n); break;
        case GRC_BF16:
            convert_kernel<__nv_bfloat16><<<grc_blocks(n, 256), 256>>>(static_cast<__nv_bfloat16*>(dst), src, n);
            break;
        default: return (int)cudaErrorInvalidValue;
    }
    return grc_launch_result();
}
