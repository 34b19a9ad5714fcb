namespace GraphRag.Generation.Models;

/// <summary>Keys and values of every layer for one sequence, each [ContextLength, kvDim] token-major.</summary>
public sealed class KvCache
{
    private readonly float[][] _keys;
    private readonly float[][] _values;

    public KvCache(int layers, int contextLength, int kvDim)
    {
        ContextLength = contextLength;
        KvDim = kvDim;
        _keys = Enumerable.Range(0, layers).Select(_ => new float[(long)contextLength * kvDim]).ToArray();
        _values = Enumerable.Range(0, layers).Select(_ => new float[(long)contextLength * kvDim]).ToArray();
    }

    public int ContextLength { get; }

    public int KvDim { get; }

    /// <summary>Keys of positions [0, length) of a layer.</summary>
    public Span<float> Keys(int layer, int length) => _keys[layer].AsSpan(0, length * KvDim);

    public Span<float> Values(int layer, int length) => _values[layer].AsSpan(0, length * KvDim);

    /// <summary>Stores the keys and values of <paramref name="count"/> tokens starting at <paramref name="position"/>.</summary>
    public void Store(int layer, int position, int count, ReadOnlySpan<float> keys, ReadOnlySpan<float> values)
    {
        keys[..(count * KvDim)].CopyTo(_keys[layer].AsSpan(position * KvDim));
        values[..(count * KvDim)].CopyTo(_values[layer].AsSpan(position * KvDim));
    }
}
