using System.Runtime.Intrinsics;

namespace GraphRag.Engine.Kernels.Simd;

/// <summary>Vector widths of the float kernels: one code path per x86 width (AVX-512, AVX2, SSE/NEON) and a scalar one.</summary>
public enum SimdWidth
{
    Scalar = 32,
    Bits128 = 128,
    Bits256 = 256,
    Bits512 = 512,
}

public static class SimdWidths
{
    /// <summary>The widest vectors this CPU accelerates, chosen once at start-up.</summary>
    public static SimdWidth Widest { get; } =
        Vector512.IsHardwareAccelerated ? SimdWidth.Bits512
        : Vector256.IsHardwareAccelerated ? SimdWidth.Bits256
        : Vector128.IsHardwareAccelerated ? SimdWidth.Bits128
        : SimdWidth.Scalar;

    /// <summary>Every width up to the widest accelerated one, narrowest first (the paths tests can run at full speed).</summary>
    public static IReadOnlyList<SimdWidth> Accelerated { get; } =
        Enum.GetValues<SimdWidth>().Where(w => w <= Widest).ToArray();
}
