// Element conversions and launch helpers shared by the kernel files.
#pragma once
#include <cuda_fp16.h>
#include <cuda_bf16.h>
#include <cuda_runtime.h>
#include "graphrag_cuda.h"
#include "tiling.h"

__device__ __forceinline__ float to_float(float x) { return x; }
__device__ __forceinline__ float to_float(__half x) { return __half2float(x); }
__device__ __forceinline__ float to_float(__nv_bfloat16 x) { return __bfloat162float(x); }

template <typename T> __device__ __forceinline__ T from_float(float x);
template <> __device__ __forceinline__ float from_float<float>(float x) { return x; }
template <> __device__ __forceinline__ __half from_float<__half>(float x) { return __float2half_rn(x); }
template <> __device__ __forceinline__ __nv_bfloat16 from_float<__nv_bfloat16>(float x) { return __float2bfloat16_rn(x); }

// The error of the launch just made (invalid configuration, missing kernel image, ...).
static inline int grc_launch_result() { return (int)cudaGetLastError(); }

static inline unsigned grc_blocks(long long n, int threads) { return (unsigned)((n + threads - 1) / threads); }
