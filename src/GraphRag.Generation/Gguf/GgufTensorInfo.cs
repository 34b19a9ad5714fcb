namespace GraphRag.Generation.Gguf;

/// <summary>
/// One tensor's entry in a GGUF header. <see cref="Dimensions"/> is in ggml order: element 0 is the
/// contiguous row length, so a matrix with <c>Dimensions = [in, out]</c> has <c>out</c> rows of <c>in</c> values.
/// </summary>
public sealed record GgufTensorInfo(string Name, GgmlType Type, long[] Dimensions, long Offset)
{
    public long RowLength => Dimensions[0];

    public long RowCount => Dimensions.Skip(1).Aggregate(1L, (a, b) => a * b);

    public long ElementCount => RowLength * RowCount;

    public long ByteLength => GgmlTypeInfo.RowBytes(Type, RowLength) * RowCount;
}
