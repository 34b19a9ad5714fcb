using System.Runtime.InteropServices;
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
    /// <summary>Below this many multiply-adds an F16 product stays on the calling thread.</summary>
    private const long ParallelThreshold = 1 << 16;

    /// <summary>F16 rows per work item.</summary>
    private const int RowsPerWorkItem = 16;

    private readonly byte* _data;
    private readonly byte[]? _owned;
    private readonly long _rowBytes;
    private PackedMatrix? _packed;
    private object? _packLock;

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

    /// <summary>
    /// y[m, Rows] = x[m, Columns] · Wᵀ (overwrites y). Q8_0, Q4_0, Q4_K and Q6_K go through the integer kernels
    /// (activations quantized as llama.cpp does, weights repacked on first use); F32 through the float GEMM.
    /// </summary>
    public void Multiply(ReadOnlySpan<float> x, Span<float> y, int m, SessionCompute compute)
    {
        if (x.Length < (long)m * Columns || y.Length < (long)m * Rows)
            throw new ArgumentException($"'{Name}' [{Rows}, {Columns}] needs x [{m}, {Columns}] and y [{m}, {Rows}].");
        if (Type == GgmlType.F32)
        {
            if (m == 1) compute.FloatProduct.Multiply((float*)_data, Rows, Columns, x, y, compute);
            else MatMul.MultiplyTransposed(x, new ReadOnlySpan<float>(_data, Rows * Columns), y, m, Columns, Rows, compute.Options);
            return;
        }
        if (Packed is { } packed)
        {
            compute.Product.Multiply(packed, x, y, m, compute.Pool, compute.VectorizedIntegerKernels);
            return;
        }
        // F16: like llama.cpp (whose F16 products take F16 activations), the activations are rounded to fp16 first.
        var rounded = compute.HalfRoundedCopy(x[..(m * Columns)]);
        fixed (float* px = rounded, py = y)
        {
            var xs = px;
            var ys = py;
            var items = (Rows + RowsPerWorkItem - 1) / RowsPerWorkItem;
            var threads = compute.Options.Threads;
            if (threads == 1 || (long)m * Rows * Columns < ParallelThreshold)
            {
                for (var i = 0; i < items; i++)
                    MultiplyRows(xs, ys, m, i * RowsPerWorkItem);
            }
            else
            {
                Parallel.For(0, items, new ParallelOptions { MaxDegreeOfParallelism = threads }, i => MultiplyRows(xs, ys, m, i * RowsPerWorkItem));
            }
        }
    }

    /// <summary>The weights repacked for the integer kernels (built on first use), or null for formats without them.</summary>
    private PackedMatrix? Packed
    {
        get
        {
            if (IntegerFormat(Type) is not { } format) return null;
            return LazyInitializer.EnsureInitialized(ref _packed, ref _packLock, () => PackedMatrix.Pack(format, _data, Rows, Columns));
        }
    }

    private static QuantizedFormat? IntegerFormat(GgmlType type) => type switch
    {
        GgmlType.Q8_0 => QuantizedFormat.Q8_0,
        GgmlType.Q4_0 => QuantizedFormat.Q4_0,
        GgmlType.Q4_K => QuantizedFormat.Q4_K,
        GgmlType.Q6_K => QuantizedFormat.Q6_K,
        _ => null,
    };

    /// <summary>F16 rows: one converted dot product per output.</summary>
    private void MultiplyRows(float* x, float* y, int m, int firstRow)
    {
        var lastRow = Math.Min(Rows, firstRow + RowsPerWorkItem);
        for (var t = 0; t < m; t++)
        {
            var input = new ReadOnlySpan<float>(x + (long)t * Columns, Columns);
            for (var r = firstRow; r < lastRow; r++)
                y[(long)t * Rows + r] = F16Format.Dot(RowBytes(r), input);
        }
    }

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
