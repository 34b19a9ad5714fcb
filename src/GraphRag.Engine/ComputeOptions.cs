using GraphRag.Engine.Kernels.Simd;

namespace GraphRag.Engine;

/// <summary>
/// How much of the machine a kernel, model or encoder may use: its thread count and the widest SIMD vectors
/// it may use. Passed explicitly to whatever computes; there is no process-wide setting to mutate.
/// </summary>
public sealed record ComputeOptions
{
    /// <summary>Every core, the widest vectors the CPU accelerates.</summary>
    public static ComputeOptions Default { get; } = new();

    /// <summary>Threads a product may be split across (default: one per core).</summary>
    public int Threads
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(Threads));
            field = value;
        }
    } = Environment.ProcessorCount;

    /// <summary>
    /// The widest vector path the kernels may take (default: the widest this CPU accelerates). A narrower
    /// width forces the narrower path (tests of each path, benchmarks per width); a wider one than the CPU
    /// accelerates still computes correctly, through .NET's software fallback, only slowly.
    /// </summary>
    public SimdWidth Width { get; init; } = SimdWidths.Widest;

    /// <summary>The defaults with <paramref name="threads"/> threads, or the defaults when it is null.</summary>
    public static ComputeOptions WithThreads(int? threads) => threads is { } count ? new ComputeOptions { Threads = count } : Default;
}
