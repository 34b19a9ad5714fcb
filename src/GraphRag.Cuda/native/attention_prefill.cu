// FlashAttention-style prefill (FlashAttention-2 loop order): one block per (64-query tile, head);
// K/V stream through shared memory 32 keys at a time; an online softmax keeps a running max m and
// sum l per query row, rescaling the output accumulator when the max grows. Accumulation is float32.
// fp16/bf16 inputs multiply on tensor cores (WMMA 16x16x16, fp32 accumulate); P is rounded to the
// input type before the P*V product, as FlashAttention does. float32 inputs take a scalar path with
// the same tiles. TiledAttentionEmulator.cs repeats this algorithm step for step on the CPU.
#include <mma.h>
#include <type_traits>
#include "common.cuh"

namespace {

constexpr int BR = GRC_PREFILL_BR;
constexpr int BC = GRC_PREFILL_BC;
constexpr int THREADS = GRC_PREFILL_THREADS;
constexpr int WARP_ROWS = 16;  // rows of the block owned by one warp
static_assert(BR == WARP_ROWS * THREADS / 32, "one 16-row WMMA tile per warp");
static_assert(BC % 16 == 0, "key tile must be a whole number of WMMA tiles");

// Shared memory of one block, laid out back to back (every offset a multiple of 32 bytes for WMMA):
//   sQ [BR][D] T | sK [BC][D] T | sV [BC][D] T | sS [BR][BC] float | sP [BR][BC] T | sO [BR][D] float
//   | sM [BR] | sL [BR] | sAlpha [BR] float
template <typename T, int D>
struct PrefillSmem {
    static constexpr size_t bytes =
        (size_t)(BR * D + 2 * BC * D) * sizeof(T) + (size_t)BR * BC * sizeof(float) + (size_t)BR * BC * sizeof(T) +
        (size_t)BR * D * sizeof(float) + 3 * BR * sizeof(float);
};

// S[r][c] = sum_d Q[r][d] * K[c][d], raw (unscaled) scores of this warp's 16 rows.
template <typename T, int D>
__device__ void tile_scores(const T* sQ, const T* sK, float* sS, int warp, int lane) {
    if constexpr (std::is_same_v<T, float>) {
        for (int i = lane; i < WARP_ROWS * BC; i += 32) {
            const int r = warp * WARP_ROWS + i / BC, c = i % BC;
            float acc = 0.f;
            for (int d = 0; d < D; ++d) acc = fmaf(sQ[r * D + d], sK[c * D + d], acc);
            sS[r * BC + c] = acc;
        }
    } else {
        using namespace nvcuda;
        for (int n = 0; n < BC / 16; ++n) {
            wmma::fragment<wmma::accumulator, 16, 16, 16, float> acc;
            wmma::fill_fragment(acc, 0.f);
            for (int d0 = 0; d0 < D; d0 += 16) {
                wmma::fragment<wmma::matrix_a, 16, 16, 16, T, wmma::row_major> a;
                wmma::fragment<wmma::matrix_b, 16, 16, 16, T, wmma::col_major> b;  // K stored [key][d] = K^T col-major
                wmma::load_matrix_sync(a, sQ + warp * WARP_ROWS * D + d0, D);
                wmma::load_matrix_sync(b, sK + n * 16 * D + d0, D);
                wmma::mma_sync(acc, a, b, acc);
            }
            wmma::store_matrix_sync(sS + warp * WARP_ROWS * BC + n * 16, acc, BC, wmma::mem_row_major);
        }
    }
}

// O[r][:] = alpha[r] * O[r][:] + sum_c P[r][c] * V[c][:] for this warp's 16 rows.
template <typename T, int D>
__device__ void tile_accumulate(const float* sS, const T* sP, const T* sV, float* sO, const float* sAlpha,
                                int warp, int lane) {
    if constexpr (std::is_same_v<T, float>) {
        for (int i = lane; i < WARP_ROWS * D; i += 32) {
            const int r = warp * WARP_ROWS + i / D, c = i % D;
            float acc = sO[r * D + c] * sAlpha[r];
            for (int k = 0; k < BC; ++k) acc = fmaf(sS[r * BC + k], sV[k * D + c], acc);
            sO[r * D + c] = acc;
        }
    } else {
        using namespace nvcuda;
        for (int i = lane; i < WARP_ROWS * D; i += 32) {
            const int r = warp * WARP_ROWS + i / D;
            sO[r * D + i % D] *= sAlpha[r];
        }
        __syncwarp();
        for (int n = 0; n < D / 16; ++n) {
            wmma::fragment<wmma::accumulator, 16, 16, 16, float> acc;
            float* o = sO + warp * WARP_ROWS * D + n * 16;
            wmma::load_matrix_sync(acc, o, D, wmma::mem_row_major);
            for (int k0 = 0; k0 < BC; k0 += 16) {
                wmma::fragment<wmma::matrix_a, 16, 16, 16, T, wmma::row_major> a;
                wmma::fragment<wmma::matrix_b, 16, 16, 16, T, wmma::row_major> b;
                wmma::load_matrix_sync(a, sP + warp * WARP_ROWS * BC + k0, BC);
                wmma::load_matrix_sync(b, sV + k0 * D + n * 16, D);
                wmma::mma_sync(acc, a, b, acc);
            }
            wmma::store_matrix_sync(o, acc, D, wmma::mem_row_major);
        }
    }
}

template <typename T, int D>
__global__ void __launch_bounds__(THREADS)
flash_prefill_kernel(const T* __restrict__ q, const T* __restrict__ k, const T* __restrict__ v, float* __restrict__ out,
                     int qLen, int kLen, int heads, int kvHeads, float scale, int causal) {
    extern __shared__ __align__(128) unsigned char smem[];
    T* sQ = reinterpret_cast<T*>(smem);
    T* sK = sQ + BR * D;
    T* sV = sK + BC * D;
    float* sS = reinterpret_cast<float*>(sV + BC * D);
    T* sP = reinterpret_cast<T*>(sS + BR * BC);
    float* sO = reinterpret_cast<float*>(sP + BR * BC);
    float* sM = sO + BR * D;
    float* sL = sM + BR;
    float* sAlpha = sL + BR;

    const int tid = threadIdx.x, warp = tid / 32, lane = tid % 32;
    const int h = blockIdx.y, kvh = h / (heads / kvHeads);
    const int q0 = blockIdx.x * BR;
    const size_t qStride = (size_t)heads * D, kvStride = (size_t)kvHeads * D;
    const int offset = kLen - qLen;  // absolute position of query row 0

    for (int i = tid; i < BR * D; i += THREADS) {
        const int r = i / D, c = i % D, qi = q0 + r;
        sQ[i] = qi < qLen ? q[qi * qStride + h * D + c] : from_float<T>(0.f);
        sO[i] = 0.f;
    }
    for (int r = tid; r < BR; r += THREADS) { sM[r] = -INFINITY; sL[r] = 0.f; }

    // Key tiles past the last key any row of this block may see are skipped (they would add exact zeros).
    const int kEnd = causal ? min(kLen, offset + min(q0 + BR, qLen)) : kLen;
    for (int k0 = 0; k0 < kEnd; k0 += BC) {
        __syncthreads();  // previous tile fully consumed (and, on the first pass, sQ/sO written)
        for (int i = tid; i < BC * D; i += THREADS) {
            const int j = k0 + i / D, c = i % D;
            const bool inside = j < kLen;
            sK[i] = inside ? k[j * kvStride + kvh * D + c] : from_float<T>(0.f);
            sV[i] = inside ? v[j * kvStride + kvh * D + c] : from_float<T>(0.f);
        }
        __syncthreads();

        tile_scores<T, D>(sQ, sK, sS, warp, lane);
        __syncwarp();

        // Online softmax: lane r of the warp owns row warp*16 + r.
        if (lane < WARP_ROWS) {
            const int r = warp * WARP_ROWS + lane, qi = q0 + r;
            const int lastKey = causal ? offset + qi : kLen - 1;
            const float mOld = sM[r];
            float mNew = mOld;
            for (int c = 0; c < BC; ++c) {
                const int j = k0 + c;
                const bool visible = qi < qLen && j < kLen && j <= lastKey;
                const float s = visible ? sS[r * BC + c] * scale : -INFINITY;
                sS[r * BC + c] = s;
                mNew = fmaxf(mNew, s);
            }
            const float alpha = mOld == -INFINITY ? 0.f : expf(mOld - mNew);
            float rowSum = 0.f;
            for (int c = 0; c < BC; ++c) {
                const float s = sS[r * BC + c];
                const float p = s == -INFINITY ? 0.f : expf(s - mNew);
                rowSum += p;
                if constexpr (std::is_same_v<T, float>) sS[r * BC + c] = p;
                else sP[r * BC + c] = from_float<T>(p);
            }
            sL[r] = fmaf(sL[r], alpha, rowSum);
            sM[r] = mNew;
            sAlpha[r] = alpha;
        }
        __syncwarp();

        tile_accumulate<T, D>(sS, sP, sV, sO, sAlpha, warp, lane);
    }
    __syncthreads();

    for (int i = tid; i < BR * D; i += THREADS) {
        const int r = i / D, c = i % D, qi = q0 + r;
        if (qi < qLen) out[qi * qStride + h * D + c] = sO[i] / sL[r];
    }
}

template <typename T, int D>
int launch_prefill(const void* q, const void* k, const void* v, float* out, int qLen, int kLen, int heads,
                   int kvHeads, float scale, int causal) {
    const size_t smem = PrefillSmem<T, D>::bytes;
    auto kernel = flash_prefill_kernel<T, D>;
    const int err = (int)cudaFuncSetAttribute(kernel, cudaFuncAttributeMaxDynamicSharedMemorySize, (int)smem);
    if (err != 0) return err;
    const dim3 grid((qLen + BR - 1) / BR, heads);
    kernel<<<grid, THREADS, smem>>>(static_cast<const T*>(q), static_cast<const T*>(k), static_cast<const T*>(v), out,
                                    qLen, kLen, heads, kvHeads, scale, causal);
    return grc_launch_result();
}

template <typename T>
int dispatch_head_dim(int headDim, const void* q, const void* k, const void* v, float* out, int qLen, int kLen,
                      int heads, int kvHeads, float scale, int causal) {
    switch (headDim) {
        case 16: return launch_prefill<T, 16>(q, k, v, out, qLen, kLen, heads, kvHeads, scale, causal);
        case 32: return launch_prefill<T, 32>(q, k, v, out, qLen, kLen, heads, kvHeads, scale, causal);
        case 64: return launch_prefill<T, 64>(q, k, v, out, qLen, kLen, heads, kvHeads, scale, causal);
        case 128: return launch_prefill<T, 128>(q, k, v, out, qLen, kLen, heads, kvHeads, scale, causal);
        default: return (int)cudaErrorInvalidValue;
    }
}

}  // namespace

extern "C" int graphrag_cuda_attention_prefill(int dtype, const void* q, const void* k, const void* v, float* out,
                                               int qLen, int kLen, int heads, int kvHeads, int headDim, float scale,
                                               int causal) {
    if (qLen <= 0 || kLen < qLen || heads <= 0 || kvHeads <= 0 || heads % kvHeads != 0)
        return (int)cudaErrorInvalidValue;
    switch (dtype) {
        case GRC_F32: return dispatch_head_dim<float>(headDim, q, k, v, out, qLen, kLen, heads, kvHeads, scale, causal);
        case GRC_F16: return dispatch_head_dim<__half>(headDim, q, k, v, out, qLen, kLen, heads, kvHeads, scale, causal);
        case GRC_BF16:
            return dispatch_head_dim<__nv_bfloat16>(headDim, q, k, v, out, qLen, kLen, heads, kvHeads, scale, causal);
        default: return (int)cudaErrorInvalidValue;
    }
}
