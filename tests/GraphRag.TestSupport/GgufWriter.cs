using System.Text;
using GraphRag.Generation.Gguf;

namespace GraphRag.TestSupport;

/// <summary>
/// Writes GGUF v3 files: metadata (the GGUF type follows the .NET type of each value: uint → u32,
/// float → f32, string[] → array of strings, ...) and tensors whose bytes are produced lazily, one
/// tensor at a time, so multi-gigabyte models can be written without holding them in memory.
/// </summary>
public sealed class GgufWriter(int alignment = GgufFile.DefaultAlignment)
{
    private readonly List<KeyValuePair<string, object>> _metadata = [];
    private readonly List<PendingTensor> _tensors = [];

    private sealed record PendingTensor(string Name, GgmlType Type, long[] Dimensions, Func<ReadOnlyMemory<byte>> Data)
    {
        public long ByteLength => new GgufTensorInfo(Name, Type, Dimensions, 0).ByteLength;
    }

    public GgufWriter AddMetadata(string key, object value)
    {
        ValueType(value); // validates early, naming the key
        _metadata.Add(new(key, value));
        return this;
    }

    /// <summary>
    /// Adds a tensor. <paramref name="dimensions"/> is in ggml order (row length first);
    /// <paramref name="data"/> is called once, during <see cref="WriteTo"/>, and must return exactly the encoded bytes.
    /// </summary>
    public GgufWriter AddTensor(string name, GgmlType type, long[] dimensions, Func<ReadOnlyMemory<byte>> data)
    {
        _tensors.Add(new PendingTensor(name, type, dimensions, data));
        return this;
    }

    public GgufWriter AddTensor(string name, float[] values, long[] dimensions) =>
        AddTensor(name, GgmlType.F32, dimensions, () => System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).ToArray());

    public void WriteTo(string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(GgufFile.Magic);
        writer.Write(3u);
        writer.Write((ulong)_tensors.Count);
        var metadata = _metadata.ToList();
        if (alignment != GgufFile.DefaultAlignment && !metadata.Any(m => m.Key == "general.alignment"))
            metadata.Add(new("general.alignment", (uint)alignment));
        writer.Write((ulong)metadata.Count);
        foreach (var (key, value) in metadata)
        {
            WriteString(writer, key);
            writer.Write((uint)ValueType(value));
            WriteValue(writer, value);
        }

        long offset = 0;
        foreach (var tensor in _tensors)
        {
            WriteString(writer, tensor.Name);
            writer.Write((uint)tensor.Dimensions.Length);
            foreach (var d in tensor.Dimensions)
                writer.Write((ulong)d);
            writer.Write((uint)tensor.Type);
            writer.Write((ulong)offset);
            offset = Align(offset + tensor.ByteLength);
        }
        Pad(writer);

        foreach (var tensor in _tensors)
        {
            var bytes = tensor.Data();
            if (bytes.Length != tensor.ByteLength)
                throw new ArgumentException($"Tensor '{tensor.Name}' should have {tensor.ByteLength} bytes of {tensor.Type} data, got {bytes.Length}.");
            writer.Write(bytes.Span);
            Pad(writer);
        }
    }

    private long Align(long position) => (position + alignment - 1) / alignment * alignment;

    private void Pad(BinaryWriter writer)
    {
        writer.Flush();
        var position = writer.BaseStream.Position;
        for (var i = position; i < Align(position); i++)
            writer.Write((byte)0);
    }

    private static void WriteString(BinaryWriter writer, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        writer.Write((ulong)bytes.Length);
        writer.Write(bytes);
    }

    private static GgufValueType ValueType(object value) => value switch
    {
        byte => GgufValueType.UInt8,
        sbyte => GgufValueType.Int8,
        ushort => GgufValueType.UInt16,
        short => GgufValueType.Int16,
        uint => GgufValueType.UInt32,
        int => GgufValueType.Int32,
        float => GgufValueType.Float32,
        bool => GgufValueType.Bool,
        string => GgufValueType.String,
        ulong => GgufValueType.UInt64,
        long => GgufValueType.Int64,
        double => GgufValueType.Float64,
        Array => GgufValueType.Array,
        _ => throw new ArgumentException($"GGUF metadata cannot hold a {value.GetType().Name}."),
    };

    private static GgufValueType ElementType(Array array) => array switch
    {
        byte[] => GgufValueType.UInt8,
        sbyte[] => GgufValueType.Int8,
        ushort[] => GgufValueType.UInt16,
        short[] => GgufValueType.Int16,
        uint[] => GgufValueType.UInt32,
        int[] => GgufValueType.Int32,
        float[] => GgufValueType.Float32,
        bool[] => GgufValueType.Bool,
        string[] => GgufValueType.String,
        ulong[] => GgufValueType.UInt64,
        long[] => GgufValueType.Int64,
        double[] => GgufValueType.Float64,
        object[] => GgufValueType.Array,
        _ => throw new ArgumentException($"GGUF metadata cannot hold an array of {array.GetType().GetElementType()?.Name}."),
    };

    private static void WriteValue(BinaryWriter writer, object value)
    {
        switch (value)
        {
            case byte v: writer.Write(v); break;
            case sbyte v: writer.Write(v); break;
            case ushort v: writer.Write(v); break;
            case short v: writer.Write(v); break;
            case uint v: writer.Write(v); break;
            case int v: writer.Write(v); break;
            case float v: writer.Write(v); break;
            case bool v: writer.Write((byte)(v ? 1 : 0)); break;
            case string v: WriteString(writer, v); break;
            case ulong v: writer.Write(v); break;
            case long v: writer.Write(v); break;
            case double v: writer.Write(v); break;
            case Array array:
                var elementType = ElementType(array);
                writer.Write((uint)elementType);
                writer.Write((ulong)array.Length);
                foreach (var element in array)
                {
                    if (elementType == GgufValueType.Array && element is not Array)
                        throw new ArgumentException("A nested GGUF array may only hold arrays.");
                    WriteValue(writer, element);
                }
                break;
        }
    }
}
