namespace GraphRag.Generation.Gguf;

/// <summary>Tensor element encodings as numbered by ggml (the numbers are part of the GGUF format).</summary>
public enum GgmlType : uint
{
    F32 = 0,
    F16 = 1,
    Q4_0 = 2,
    Q8_0 = 8,
    Q4_K = 12,
    Q6_K = 14,
}

/// <summary>Block geometry of each <see cref="GgmlType"/>: values per block and bytes per block.</summary>
public static class GgmlTypeInfo
{
    public static bool IsSupported(uint type) => type is 0 or 1 or 2 or 8 or 12 or 14;

    /// <summary>Number of consecutive values of a row that one block encodes.</summary>
    public static int BlockValues(GgmlType type) => type switch
    {
        GgmlType.F32 or GgmlType.F16 => 1,
        GgmlType.Q4_0 or GgmlType.Q8_0 => 32,
        GgmlType.Q4_K or GgmlType.Q6_K => 256,
        _ => throw new NotSupportedException($"GGML type {type} is not supported."),
    };

    public static int BlockBytes(GgmlType type) => type switch
    {
        GgmlType.F32 => 4,
        GgmlType.F16 => 2,
        GgmlType.Q4_0 => 18,
        GgmlType.Q8_0 => 34,
        GgmlType.Q4_K => 144,
        GgmlType.Q6_K => 210,
        _ => throw new NotSupportedException($"GGML type {type} is not supported."),
    };

    /// <summary>Bytes taken by one row of <paramref name="rowLength"/> values.</summary>
    public static long RowBytes(GgmlType type, long rowLength)
    {
        var block = BlockValues(type);
        if (rowLength % block != 0)
            throw new InvalidDataException($"A {type} row must hold a multiple of {block} values, not {rowLength}.");
        return rowLength / block * BlockBytes(type);
    }
}
