using System.Buffers;

namespace GraphRag.Engine.Tensors;

/// <summary>
/// A dense row-major float32 tensor (named TensorBuffer so it does not clash with System.Numerics.Tensors.Tensor). Its memory is either rented from <see cref="ArrayPool{T}"/>
/// (activations: <see cref="Allocate"/>, returned on <see cref="Dispose"/>) or an array it wraps
/// (weights: <see cref="Wrap"/>). Element [i0, …, iN] lives at Σ i_d · stride_d, stride of the last
/// dimension 1. Not thread-safe to dispose while in use.
/// </summary>
public sealed class TensorBuffer : IDisposable
{
    private float[]? _data;
    private readonly bool _pooled;
    private readonly int[] _shape;

    private TensorBuffer(float[] data, int[] shape, int length, bool pooled)
    {
        _data = data;
        _shape = shape;
        Length = length;
        _pooled = pooled;
    }

    /// <summary>A zero-filled tensor over a pooled buffer.</summary>
    public static TensorBuffer Allocate(params ReadOnlySpan<int> shape)
    {
        var length = CountElements(shape);
        var data = ArrayPool<float>.Shared.Rent(length);
        Array.Clear(data, 0, length);
        return new TensorBuffer(data, shape.ToArray(), length, pooled: true);
    }

    /// <summary>A tensor over an existing array (not pooled; the array is not copied).</summary>
    public static TensorBuffer Wrap(float[] data, params ReadOnlySpan<int> shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        var length = CountElements(shape);
        if (data.Length != length)
            throw new ArgumentException($"Shape [{string.Join(", ", shape.ToArray())}] needs {length} elements but the array has {data.Length}.", nameof(data));
        return new TensorBuffer(data, shape.ToArray(), length, pooled: false);
    }

    public ReadOnlySpan<int> Shape => _shape;

    public int Rank => _shape.Length;

    /// <summary>Number of elements.</summary>
    public int Length { get; }

    /// <summary>Size of the last dimension (1 for a scalar).</summary>
    public int Columns => _shape.Length == 0 ? 1 : _shape[^1];

    /// <summary>Product of all but the last dimension: the tensor seen as a [Rows, Columns] matrix.</summary>
    public int Rows => Columns == 0 ? 0 : Length / Columns;

    public Span<float> Span => new(Data, 0, Length);

    /// <summary>Row <paramref name="index"/> of the [Rows, Columns] view.</summary>
    public Span<float> Row(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Rows);
        return new Span<float>(Data, index * Columns, Columns);
    }

    private float[] Data => _data ?? throw new ObjectDisposedException(nameof(TensorBuffer));

    public void Dispose()
    {
        var data = Interlocked.Exchange(ref _data, null);
        if (data is not null && _pooled) ArrayPool<float>.Shared.Return(data);
    }

    public override string ToString() => $"TensorBuffer[{string.Join(", ", _shape)}]";

    private static int CountElements(ReadOnlySpan<int> shape)
    {
        long count = 1;
        foreach (var dim in shape)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(dim, nameof(shape));
            count *= dim;
            if (count > Array.MaxLength) throw new ArgumentException($"Shape [{string.Join(", ", shape.ToArray())}] has more elements than an array can hold.", nameof(shape));
        }
        return (int)count;
    }
}
