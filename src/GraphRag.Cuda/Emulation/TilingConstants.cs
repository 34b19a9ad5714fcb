namespace GraphRag.Cuda.Emulation;

/// <summary>
/// The kernels' tile sizes, mirrored from native/tiling.h (a test reads the header and compares).
/// </summary>
public static class TilingConstants
{
    /// <summary>Query rows per prefill block: 4 warps × 16 rows (the WMMA tile height).</summary>
    public const int PrefillRows = 64;

    /// <summary>Keys per K/V tile streamed through shared memory in prefill.</summary>
    public const int PrefillKeys = 32;

    /// <summary>Cached keys per split-K decode block.</summary>
    public const int DecodeChunk = 256;

    /// <summary>Head dimensions the attention kernels are instantiated for.</summary>
    public static ReadOnlySpan<int> HeadDims => [16, 32, 64, 128];

    public static bool IsSupportedHeadDim(int headDim) => HeadDims.Contains(headDim);

    /// <summary>Number of split-K blocks (partial results) a decode over <paramref name="keyLength"/> keys uses.</summary>
    public static int DecodeSplits(int keyLength) => (keyLength + DecodeChunk - 1) / DecodeChunk;
}
