// Tile sizes shared by the kernels and mirrored by TilingConstants.cs (a test checks they agree).
#pragma once

// Prefill: one block of 4 warps owns GRC_PREFILL_BR query rows (16 per warp, the WMMA tile height)
// and streams K/V through shared memory GRC_PREFILL_BC keys at a time.
#define GRC_PREFILL_BR 64
#define GRC_PREFILL_BC 32
#define GRC_PREFILL_THREADS 128

// Decode: split-K, one block per GRC_DECODE_CHUNK cached keys, then a combine kernel.
#define GRC_DECODE_CHUNK 256
#define GRC_DECODE_THREADS 128

// Head dimensions the attention kernels are instantiated for (multiples of the 16-wide MMA tile).
#define GRC_MAX_HEAD_DIM 128
