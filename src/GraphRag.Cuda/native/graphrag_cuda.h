// C ABI of libgraphrag_cuda.so. Every function returns a cudaError_t code (0 = success) unless noted;
// graphrag_cuda_error_string turns a code into text. All tensor pointers are device pointers,
// row-major, token-major:
//   q    [qLen, heads * headDim]       k, v [kLen, kvHeads * headDim]      out [qLen, heads * headDim]
// Query row i sits at absolute position kLen - qLen + i (bottom-right causal mask, the KV-cache
// convention); query head h reads kv head h / (heads / kvHeads).
#pragma once
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define GRC_API __attribute__((visibility("default")))

// Element types of attention inputs and conversion targets.
enum { GRC_F32 = 0, GRC_F16 = 1, GRC_BF16 = 2 };

GRC_API int graphrag_cuda_device_count(int* count);
GRC_API int graphrag_cuda_device_name(int device, char* buffer, int length);
GRC_API const char* graphrag_cuda_error_string(int code);
GRC_API int graphrag_cuda_malloc(void** pointer, size_t bytes);
GRC_API int graphrag_cuda_free(void* pointer);
GRC_API int graphrag_cuda_copy_to_device(void* device, const void* host, size_t bytes);
GRC_API int graphrag_cuda_copy_to_host(void* host, const void* device, size_t bytes);
GRC_API int graphrag_cuda_synchronize(void);

// FlashAttention-style prefill. q, k, v of `dtype`; out float32. headDim in {16, 32, 64, 128}.
GRC_API int graphrag_cuda_attention_prefill(int dtype, const void* q, const void* k, const void* v, float* out,
                                            int qLen, int kLen, int heads, int kvHeads, int headDim,
                                            float scale, int causal);

// Decode: one query token q [heads * headDim] (float32) against a KV cache of `dtype` holding kLen tokens.
// workspace: graphrag_cuda_attention_decode_workspace_floats(...) floats of device memory.
GRC_API size_t graphrag_cuda_attention_decode_workspace_floats(int kLen, int heads, int headDim);
GRC_API int graphrag_cuda_attention_decode(int dtype, const float* q, const void* kCache, const void* vCache,
                                           float* out, float* workspace, int kLen, int heads, int kvHeads,
                                           int headDim, float scale);

// out[r, :] = x[r, :] / sqrt(mean(x[r, :]^2) + eps) * weight          x, out [rows, n]; weight [n]
GRC_API int graphrag_cuda_rmsnorm(float* out, const float* x, const float* weight, int rows, int n, float eps);
// Rotary positions in place on x [tokens, heads * headDim]; token t sits at startPos + t; the first rotaryDims
// dimensions of each head rotate. neox = 0 rotates adjacent pairs (x[2i], x[2i+1]) as GGUF Llama does;
// neox = 1 rotates (x[i], x[i + rotaryDims/2]) as Hugging Face rotate_half does.
GRC_API int graphrag_cuda_rope(float* x, int tokens, int heads, int headDim, int rotaryDims, int startPos, float theta,
                               int neox);
// out[i] = silu(gate[i]) * up[i]                                      [n]
GRC_API int graphrag_cuda_swiglu(float* out, const float* gate, const float* up, int n);
// out[i] = a[i] + b[i]                                                [n]
GRC_API int graphrag_cuda_add(float* out, const float* a, const float* b, int n);
// out [rows] = W [rows, cols] (float32, row-major) * x [cols]
GRC_API int graphrag_cuda_matvec_f32(float* out, const float* weight, const float* x, int rows, int cols);
// out [rows] = W [rows, cols] (float16, row-major) * x [cols]
GRC_API int graphrag_cuda_matvec_f16(float* out, const void* weight, const float* x, int rows, int cols);
// out [rows] = W [rows, cols] (ggml Q8_0 blocks of {fp16 scale, int8 q[32]}, 34 bytes, row-major) * x [cols]
GRC_API int graphrag_cuda_matvec_q8_0(float* out, const void* weight, const float* x, int rows, int cols);
// *index = the first i with x[i] == max(x)                             x [n]; index: one device int
GRC_API int graphrag_cuda_argmax(int* index, const float* x, int n);
// dst [n] of `dtype` = round-to-nearest-even(src [n])
GRC_API int graphrag_cuda_convert_f32(void* dst, const float* src, int n, int dtype);

#ifdef __cplusplus
}
#endif
