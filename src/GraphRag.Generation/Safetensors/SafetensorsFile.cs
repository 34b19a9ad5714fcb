using System.Text.Json;
using GraphRag.Generation.IO;

namespace GraphRag.Generation.Safetensors;

/// <summary>One tensor of a safetensors file: dtype, shape (row-major, outermost first) and byte range in the data section.</summary>
public sealed record SafetensorsTensorInfo(string Name, string DType, long[] Shape, long Begin, long End)
{
    public long ElementCount => Shape.Aggregate(1L, (a, b) => a * b);
}

/// <summary>
/// A Hugging Face safetensors file, memory-mapped: an 8-byte little-endian header length, a JSON
/// header {name: {dtype, shape, data_offsets}}, then the tensor bytes. F32, F16 and BF16 are read as float.
/// </summary>
public sealed unsafe class SafetensorsFile : IDisposable
{
    private readonly MappedFile _file;
    private readonly byte* _data;
    private readonly Dictionary<string, SafetensorsTensorInfo> _tensors;

    private SafetensorsFile(string path, MappedFile file)
    {
        Path = path;
        _file = file;
        var basePointer = file.Pointer;
        var length = file.Length;
        if (length < 8)
            throw new InvalidDataException($"{path}: file is truncated ({length} bytes).");
        var headerLength = *(ulong*)basePointer;
        if (headerLength > (ulong)(length - 8))
            throw new InvalidDataException($"{path}: file is truncated or not safetensors (header length {headerLength}, file {length} bytes).");
        _data = basePointer + 8 + (long)headerLength;
        var dataLength = length - 8 - (long)headerLength;
        _tensors = ParseHeader(path, new ReadOnlySpan<byte>(basePointer + 8, (int)headerLength), dataLength);
    }

    public string Path { get; }

    public IReadOnlyCollection<SafetensorsTensorInfo> Tensors => _tensors.Values;

    public static SafetensorsFile Open(string path)
    {
        var file = MappedFile.Open(path, "safetensors file");
        try
        {
            return new SafetensorsFile(path, file);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public bool Contains(string name) => _tensors.ContainsKey(name);

    public SafetensorsTensorInfo GetTensor(string name) =>
        _tensors.TryGetValue(name, out var info) ? info : throw new InvalidDataException($"{Path}: tensor '{name}' is missing.");

    /// <summary>The tensor converted to float32, in its stored (row-major) order.</summary>
    public float[] ReadFloats(string name)
    {
        var info = GetTensor(name);
        var bytes = new ReadOnlySpan<byte>(_data + info.Begin, checked((int)(info.End - info.Begin)));
        var result = new float[info.ElementCount];
        switch (info.DType)
        {
            case "F32":
                System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes).CopyTo(result);
                break;
            case "F16":
                System.Numerics.Tensors.TensorPrimitives.ConvertToSingle(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, Half>(bytes), result);
                break;
            case "BF16":
                var raw = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(bytes);
                for (var i = 0; i < result.Length; i++)
                    result[i] = BitConverter.Int32BitsToSingle(raw[i] << 16);
                break;
            default:
                throw new NotSupportedException($"{Path}: tensor '{name}' has dtype {info.DType}; F32, F16 and BF16 are supported.");
        }
        return result;
    }

    public void Dispose() => _file.Dispose();

    private static Dictionary<string, SafetensorsTensorInfo> ParseHeader(string path, ReadOnlySpan<byte> json, long dataLength)
    {
        var tensors = new Dictionary<string, SafetensorsTensorInfo>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name == "__metadata__")
                    continue;
                var dtype = property.Value.GetProperty("dtype").GetString()!;
                var shape = property.Value.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
                var offsets = property.Value.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()).ToArray();
                var info = new SafetensorsTensorInfo(property.Name, dtype, shape, offsets[0], offsets[1]);
                var elementBytes = dtype switch { "F32" => 4, "F16" or "BF16" => 2, _ => 0 };
                if (info.End > dataLength || info.Begin > info.End)
                    throw new InvalidDataException($"{path}: file is truncated: tensor '{info.Name}' ends at {info.End} of a {dataLength}-byte data section.");
                if (elementBytes != 0 && info.End - info.Begin != info.ElementCount * elementBytes)
                    throw new InvalidDataException($"{path}: tensor '{info.Name}' has {info.End - info.Begin} bytes for shape [{string.Join(", ", shape)}] of {dtype}.");
                tensors.Add(info.Name, info);
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path}: corrupt safetensors header: {ex.Message}", ex);
        }
        return tensors;
    }
}
