using GraphRag.Engine;
using GraphRag.Engine.Kernels.Quantized;
using GraphRag.Engine.Kernels.Simd;
using GraphRag.Engine.Threading;

namespace GraphRag.Generation.Models;

/// <summary>
/// What one sequence computes with: its <see cref="ComputeOptions"/>, a pool of that many threads, and the reusable
/// buffers of quantized products. Created with the session and disposed with it.
/// </summary>
public sealed class SessionCompute(ComputeOptions options) : IDisposable
{
    public ComputeOptions Options { get; } = options;

    public WorkerPool Pool { get; } = new(options.Threads);

    public QuantizedProduct Product { get; } = new();

    /// <summary>One-token float32 products on <see cref="Pool"/>.</summary>
    internal FloatRowProduct FloatProduct { get; } = new();

    /// <summary>Integer kernels take their AVX2 path unless the options force a narrower width.</summary>
    public bool VectorizedIntegerKernels => Options.Width >= SimdWidth.Bits256;

    private float[] _halfRounded = [];

    /// <summary><paramref name="x"/> rounded to fp16 and back, in a buffer reused call after call.</summary>
    public ReadOnlySpan<float> HalfRoundedCopy(ReadOnlySpan<float> x)
    {
        if (_halfRounded.Length < x.Length) _halfRounded = new float[x.Length];
        var rounded = _halfRounded.AsSpan(0, x.Length);
        for (var i = 0; i < x.Length; i++) rounded[i] = (float)(Half)x[i];
        return rounded;
    }

    public void Dispose() => Pool.Dispose();
}
