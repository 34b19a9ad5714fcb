// Decode attention: one query token per head against a long KV cache. Split-K: block (s, h) scores the
// cached keys [s*CHUNK, (s+1)*CHUNK) and writes a partial result (running max m_s, sum l_s, unnormalised
// O_s); the combine kernel merges the splits of a head in split order:
//   M = max_s m_s,  l = sum_s exp(m_s - M) l_s,  O = sum_s exp(m_s - M) O_s / l.
// The single query sits at position kLen - 1, so every cached key is visible (no mask).
// TiledAttentionEmulator.Decode repeats this on the CPU.
#include "common.cuh"

namespace {

constexpr int CHUNK = GRC_DECODE_CHUNK;
constexpr int THREADS = GRC_DECODE_THREADS;

int split_count(int kLen) { return (kLen + CHUNK - 1) / CHUNK; }

// q [heads, D] f32; k, v [kLen, kvHeads, D] of T; partialO [heads, splits, D]; partialML [heads, splits, 2].
template <typename T, int D>
__global__ void __launch_bounds__(THREADS)
decode_split_kernel(const float* __restrict__ q, const T* __restrict__ k, const T* __restrict__ v,
                    float* __restrict__ partialO, float* __restrict__ partialML, int kLen, int heads, int kvHeads,
                    float scale) {
    static_assert(D <= THREADS, "one thread per output column");
    __shared__ float sQ[D];
    __shared__ float sP[CHUNK];
    __shared__ float sMax[THREADS];

    const int split = blockIdx.x, splits = gridDim.x, h = blockIdx.y, kvh = h / (heads / kvHeads);
    const int tid = threadIdx.x;
    const size_t kvStride = (size_t)kvHeads * D;
    const int j0 = split * CHUNK, count = min(CHUNK, kLen - j0);

    for (int d = tid; d < D; d += THREADS) sQ[d] = q[h * D + d];
    __syncthreads();

    // One thread per key: a sequential float32 dot product over the head dimension.
    float localMax = -INFINITY;
    for (int c = tid; c < count; c += THREADS) {
        const T* key = k + (j0 + c) * kvStride + kvh * D;
        float acc = 0.f;
        for (int d = 0; d < D; ++d) acc = fmaf(sQ[d], to_float(key[d]), acc);
        sP[c] = acc * scale;
        localMax = fmaxf(localMax, sP[c]);
    }
    sMax[tid] = localMax;
    __syncthreads();
    for (int stride = THREADS / 2; stride > 0; stride /= 2) {  // max is exact in any order
        if (tid < stride) sMax[tid] = fmaxf(sMax[tid], sMax[tid + stride]);
        __syncthreads();
    }
    const float m = sMax[0];
    for (int c = tid; c < count; c += THREADS) sP[c] = expf(sP[c] - m);
    __syncthreads();

    const size_t slot = (size_t)h * splits + split;
    if (tid < D) {
        float acc = 0.f;
        for (int c = 0; c < count; ++c) acc = fmaf(sP[c], to_float(v[(j0 + c) * kvStride + kvh * D + tid]), acc);
        partialO[slot * D + tid] = acc;
    }
    if (tid == 0) {
        float l = 0.f;
        for (int c = 0; c < count; ++c) l += sP[c];  // sequential, so the CPU emulation can repeat it exactly
        partialML[slot * 2] = m;
        partialML[slot * 2 + 1] = l;
    }
}

// out [heads, D]: grid = heads, one thread per column.
template <int D>
__global__ void decode_combine_kernel(const float* __restrict__ partialO, const float* __restrict__ partialML,
                                      float* __restrict__ out, int splits) {
    const int h = blockIdx.x, d = threadIdx.x;
    const float* ml = partialML + (size_t)h * splits * 2;
    float mMax = -INFINITY;
    for (int s = 0; s < splits; ++s) mMax = fmaxf(mMax, ml[s * 2]);
    float l = 0.f, acc = 0.f;
    for (int s = 0; s < splits; ++s) {
        const float w = expf(ml[s * 2] - mMax);
        l = fmaf(w, ml[s * 2 + 1], l);
        acc = fmaf(w, partialO[((size_t)h * splits + s) * D + d], acc);
    }
    out[h * D + d] = acc / l;
}

template <typename T, int D>
int launch_decode(const float* q, const void* k, const void* v, float* out, float* workspace, int kLen, int heads,
                  int kvHeads, float scale) {
    const int splits = split_count(kLen);
    float* partialO = workspace;
    float* partialML = workspace + (size_t)heads * splits * D;
    decode_split_kernel<T, D><<<dim3(splits, heads), THREADS>>>(q, static_cast<const T*>(k), static_cast<const T*>(v),
                                                                 partialO, partialML, kLen, heads, kvHeads, scale);
    int err = grc_launch_result();
    if (err != 0) return err;
    decode_combine_kernel<D><<<heads, D>>>(partialO, partialML, out, splits);
    return grc_launch_result();
}

template <typename T>
int dispatch_head_dim(int headDim, const float* q, const void* k, const void* v, float* out, float* workspace,
                      int kLen, int heads, int kvHeads, float scale) {
    switch (headDim) {
        case 16: return launch_decode<T, 16>(q, k, v, out, workspace, kLen, heads, kvHeads, scale);
        case 32: return launch_decode<T, 32>(q, k, v, out, workspace, kLen, heads, kvHeads, scale);
        case 64: return launch_decode<T, 64>(q, k, v, out, workspace, kLen, heads, kvHeads, scale);
        case 128: return launch_decode<T, 128>(q, k, v, out, workspace, kLen, heads, kvHeads, scale);
        default: return (int)cudaErrorInvalidValue;
    }
}

}  // namespace

extern "C" size_t graphrag_cuda_attention_decode_workspace_floats(int kLen, int heads, int headDim) {
    if (kLen <= 0 || heads <= 0 || headDim <= 0) return 0;
    return (size_t)heads * split_count(kLen) * (headDim + 2);
}

extern "C" int graphrag_cuda_attention_decode(int dtype, const float* q, const void* kCache, const void* vCache,
                                              float* out, float* workspace, int kLen, int heads, int kvHeads,
                                              int headDim, float scale) {
    if (kLen <= 0 || heads <= 0 || kvHeads <= 0 || heads % kvHeads != 0) return (int)cudaErrorInvalidValue;
    switch (dtype) {
        case GRC_F32: return dispatch_head_dim<float>(headDim, q, kCache, vCache, out, workspace, kLen, heads, kvHeads, scale);
        case GRC_F16: return dispatch_head_dim<__half>(headDim, q, kCache, vCache, out, workspace, kLen, heads, kvHeads, scale);
        case GRC_BF16:
            return dispatch_head_dim<__nv_bfloat16>(headDim, q, kCache, vCache, out, workspace, kLen, heads, kvHeads, scale);
        default: return (int)cudaErrorInvalidValue;
    }
}
