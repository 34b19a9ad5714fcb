using GraphRag.Engine;
using GraphRag.Engine.Kernels;
using GraphRag.Engine.Threading;

namespace GraphRag.Generation.Models;

/// <summary>
/// y = x · Wᵀ for one token and float32 weights, split into blocks of weight rows across a <see cref="WorkerPool"/>:
/// each block is a small matrix-vector product on one thread. Decoding runs hundreds of these per token; the pool
/// avoids a Parallel.For (and its allocations) for each. One instance per session, reused; not for concurrent calls.
/// </summary>
internal sealed unsafe class FloatRowProduct : IParallelWork
{
    /// <summary>Weight rows per work item (a multiple of the kernel's 4-row micro-kernel).</summary>
    private const int RowsPerItem = 64;

    private static readonly ComputeOptions OneThread = new() { Threads = 1 };

    private float* _x;
    private float* _weights;
    private float* _y;
    private int _rows;
    private int _columns;
    private ComputeOptions _options = OneThread;

    public void Multiply(float* weights, int rows, int columns, ReadOnlySpan<float> x, Span<float> y, SessionCompute compute)
    {
        fixed (float* px = x, py = y)
        {
            _x = px;
            _weights = weights;
            _y = py;
            _rows = rows;
            _columns = columns;
            _options = compute.Options with { Threads = 1 };
            try
            {
                compute.Pool.Run(this, (rows + RowsPerItem - 1) / RowsPerItem);
            }
            finally
            {
                _x = _weights = _y = null;
            }
        }
    }

    void IParallelWork.Execute(int item)
    {
        var first = item * RowsPerItem;
        var count = Math.Min(RowsPerItem, _rows - first);
        MatMul.MultiplyTransposed(new ReadOnlySpan<float>(_x, _columns), new ReadOnlySpan<float>(_weights + (long)first * _columns, count * _columns),
            new Span<float>(_y + first, count), 1, _columns, count, _options);
    }
}
