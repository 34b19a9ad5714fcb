using GraphRag.Engine.Threading;

namespace GraphRag.Engine.Kernels.Quantized;

/// <summary>
/// y = x · Wᵀ for a <see cref="PackedMatrix"/>: quantizes the activations once (as ggml does), then splits the
/// weight groups across a <see cref="WorkerPool"/>. One instance per sequence being computed (its buffers and its
/// work item are reused call after call, so a token allocates nothing); not for concurrent calls.
/// </summary>
public sealed unsafe class QuantizedProduct : IParallelWork
{
    /// <summary>Weight groups (8 rows each) per work item.</summary>
    private const int GroupsPerItem = 4;

    private readonly QuantizedActivations _activations = new();
    private PackedMatrix? _matrix;
    private float* _y;
    private bool _vectorized;

    /// <summary>
    /// y[m, W.Rows] = x[m, W.Columns] · Wᵀ (overwrites y). <paramref name="vectorized"/> false forces the scalar
    /// kernels (tests of the fallback; CPUs without AVX2 take it anyway).
    /// </summary>
    public void Multiply(PackedMatrix weights, ReadOnlySpan<float> x, Span<float> y, int m, WorkerPool pool, bool vectorized = true)
    {
        if (x.Length < (long)m * weights.Columns || y.Length < (long)m * weights.Rows)
            throw new ArgumentException($"{weights.Format} [{weights.Rows}, {weights.Columns}] needs x [{m}, {weights.Columns}] and y [{m}, {weights.Rows}].");
        if (m == 0) return;
        _activations.Quantize(x, m, weights.Columns, weights.ActivationBlocks);
        fixed (float* py = y)
        {
            _matrix = weights;
            _y = py;
            _vectorized = vectorized;
            try
            {
                pool.Run(this, (weights.Groups + GroupsPerItem - 1) / GroupsPerItem);
            }
            finally
            {
                _matrix = null;
                _y = null;
            }
        }
    }

    void IParallelWork.Execute(int item)
    {
        var first = item * GroupsPerItem;
        _matrix!.MultiplyGroups(_activations, _y, _matrix.Rows, first, Math.Min(first + GroupsPerItem, _matrix.Groups), _vectorized);
    }
}
