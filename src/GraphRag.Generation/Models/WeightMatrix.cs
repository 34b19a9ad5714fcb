using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using GraphRag.Engine;
using GraphRag.Engine.Kernels;
using GraphRag.Engine.Kernels.Quantized;
using GraphRag.Generation.Gguf;

namespace GraphRag.Generation.Models;

/// <summary>
/// A Linear layer's weight in the [out, in] layout (<see cref="Rows"/> outputs of <see cref="Columns"/>
/// inputs), stored as F32, F16 or a ggml quantization: either inside a memory-mapped GGUF (no copy) or in
/// a pinned array this object owns. Products read the weights in their stored encoding.
/// </summary>
public sealed unsafe class WeightMatrix
{
    /// <summary>Below this many multiply-adds a quantized product stays on the calling thread.</summary>
    private const long ParallelThreshold = 1 << 16;

    /// <summary>Rows per work item: a few for one token (dot products), a GEMM tile's worth for a batch.</summary>
    private static int RowsPerWorkItem(int m) => m == 1 ? 16 : 64;

    private readonly byte* _data;
    private readonly byte[]? _owned;
    private readonly long _rowBytes;

    private WeightMatrix(string name, GgmlType type, int rows, int columns, byte* data, byte[]? owned)
    {
        Name = name;
        Type = type;
        Rows = rows;
        Columns = columns;
        _data = data;
        _owned = owned;
        _rowBytes = GgmlTypeInfo.RowBytes(type, columns);
    }

    public string Name { get; }

    public GgmlType Type { get; }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>Bytes read by one full product: what a decode step streams from memory for this layer.</summary>
    public long ByteLength => _rowBytes * Rows;

    /// <summary>A view of a GGUF tensor (2-D, or 1-D as one row); valid while the file stays open.</summary>
    public static WeightMatrix FromGguf(GgufFile file, string name)
    {
        var info = file.GetTensor(name);
        if (info.Dimensions.Length > 2)
            throw new InvalidDataException($"{file.Path}: tensor '{name}' has {info.Dimensions.Length} dimensions; a weight matrix has 2.");
        return new WeightMatrix(name, info.Type, checked((int)info.RowCount), checked((int)info.RowLength), file.GetTensorPointer(info), null);
    }

    /// <summary>Owns a copy of row-major float values [rows, columns].</summary>
    public static WeightMatrix FromFloats(string name, ReadOnlySpan<float> values, int rows, int columns)
    {
        if (values.Length != (long)rows * columns)
            throw new ArgumentException($"Weight '{name}' has {values.Length} values, not {rows}×{columns}.");
        var owned = GC.AllocateUninitializedArray<byte>(values.Length * sizeof(float), pinned: true);
        MemoryMarshal.AsBytes(values).CopyTo(owned);
        return new WeightMatrix(name, GgmlType.F32, rows, columns, (byte*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref owned[0]), owned);
    }

    /// <summary>Owns a copy of the transpose of a row-major [columns, rows] matrix (Hugging Face Conv1D stores [in, out]).</summary>
    public static WeightMatrix FromTransposed(string name, ReadOnlySpan<float> values, int rows, int columns)
    {
        var transposed = new float[values.Length];
        for (var i = 0; i < columns; i++)
            for (var o = 0; o < rows; o++)
                transposed[o * columns + i] = values[i * rows + o];
        return FromFloats(name, transposed, rows, columns);
    }

    public ReadOnlySpan<byte> RowBytes(int row) => new(_data + row * _rowBytes, (int)_rowBytes);

    /// <summary>Row <paramref name="row"/> decoded to float (an embedding lookup).</summary>
    public void CopyRow(int row, Span<float> destination)
    {
        if ((uint)row >= (uint)Rows)
            throw new ArgumentOutOfRangeException(nameof(row), $"Row {row} is outside '{Name}' ({Rows} rows).");
        Dequantize(Type, RowBytes(row), destination[..Columns]);
    }

    /// <summary>y[m, Rows] = x[m, Columns] · Wᵀ (overwrites y).</summary>
    public void Multiply(ReadOnlySpan<float> x, Span<float> y, int m)
    {
        if (x.Length < (long)m * Columns || y.Length < (long)m * Rows)
            throw new ArgumentException($"'{Name}' [{Rows}, {Columns}] needs x [{m}, {Columns}] and y [{m}, {Rows}].");
        if (Type == GgmlType.F32)
        {
            MatMul.MultiplyTransposed(x, new ReadOnlySpan<float>(_data, Rows * Columns), y, m, Columns, Rows);
            return;
        }
        fixed (float* px = x, py = y)
        {
            var xs = px;
            var ys = py;
            var group = RowsPerWorkItem(m);
            var items = (Rows + group - 1) / group;
            var threads = EngineOptions.MaxThreads;
            if (threads == 1 || (long)m * Rows * Columns < ParallelThreshold)
            {
                for (var i = 0; i < items; i++)
                    MultiplyRows(xs, ys, m, i * group, group);
            }
            else
            {
                Parallel.For(0, items, new ParallelOptions { MaxDegreeOfParallelism = threads },
                    i => MultiplyRows(xs, ys, m, i * group, group));
            }
        }
    }

    private void MultiplyRows(float* x, float* y, int m, int firstRow, int group)
    {
        var lastRow = Math.Min(Rows, firstRow + group);
        if (m == 1)
        {
            var input = new ReadOnlySpan<float>(x, Columns);
            for (var r = firstRow; r < lastRow; r++)
                y[r] = Dot(Type, RowBytes(r), input);
            return;
        }
        // Several tokens: decode this group of weight rows once to float, then one small GEMM on this thread
        // (the parallelism is across groups): the dequantization is shared by every token of the batch.
        var rows = lastRow - firstRow;
        var weights = ArrayPool<float>.Shared.Rent(rows * Columns);
        var product = ArrayPool<float>.Shared.Rent(m * rows);
        try
        {
            for (var r = 0; r < rows; r++)
                Dequantize(Type, RowBytes(firstRow + r), weights.AsSpan(r * Columns, Columns));
            MatMul.MultiplyTransposed(new ReadOnlySpan<float>(x, m * Columns), weights, product, m, Columns, rows, maxDegreeOfParallelism: 1);
            for (var t = 0; t < m; t++)
                product.AsSpan(t * rows, rows).CopyTo(new Span<float>(y + (long)t * Rows + firstRow, rows));
        }
        finally
        {
            ArrayPool<float>.Shared.Return(weights);
            ArrayPool<float>.Shared.Return(product);
        }
    }

    private static float Dot(GgmlType type, ReadOnlySpan<byte> row, ReadOnlySpan<float> x) => type switch
    {
        GgmlType.F32 => TensorPrimitives.Dot(MemoryMarshal.Cast<byte, float>(row), x),
        GgmlType.F16 => F16Format.Dot(row, x),
        GgmlType.Q8_0 => Q8_0Format.Dot(row, x),
        GgmlType.Q4_0 => Q4_0Format.Dot(row, x),
        GgmlType.Q4_K => Q4_KFormat.Dot(row, x),
        GgmlType.Q6_K => Q6_KFormat.Dot(row, x),
        _ => throw new NotSupportedException($"GGML type {type} is not supported."),
    };

    private static void Dequantize(GgmlType type, ReadOnlySpan<byte> row, Span<float> destination)
    {
        switch (type)
        {
            case GgmlType.F32: MemoryMarshal.Cast<byte, float>(row).CopyTo(destination); break;
            case GgmlType.F16: F16Format.Dequantize(row, destination); break;
            case GgmlType.Q8_0: Q8_0Format.Dequantize(row, destination); break;
            case GgmlType.Q4_0: Q4_0Format.Dequantize(row, destination); break;
            case GgmlType.Q4_K: Q4_KFormat.Dequantize(row, destination); break;
            case GgmlType.Q6_K: Q6_KFormat.Dequantize(row, destination); break;
            default: throw new NotSupportedException($"GGML type {type} is not supported.");
        }
    }
}
