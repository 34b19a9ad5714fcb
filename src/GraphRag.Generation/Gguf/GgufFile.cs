using System.Text;
using GraphRag.Generation.IO;

namespace GraphRag.Generation.Gguf;

/// <summary>
/// A GGUF v3 file opened read-only and memory-mapped: the header (metadata and tensor infos) is
/// parsed eagerly, tensor bytes are handed out as spans over the mapping, so opening a 4 GB model
/// costs nothing until its weights are touched. Dispose releases the mapping; spans must not outlive it.
/// </summary>
public sealed unsafe class GgufFile : IDisposable
{
    public const uint Magic = 0x46554747; // "GGUF" little-endian
    public const int DefaultAlignment = 32;

    private readonly MappedFile _file;
    private readonly byte* _base;
    private readonly Dictionary<string, GgufTensorInfo> _tensorsByName;

    private GgufFile(string path, MappedFile file)
    {
        Path = path;
        _file = file;
        _base = file.Pointer;
        var length = Length = file.Length;
        var reader = new HeaderReader(path, _base, length);
        (Version, Metadata, Tensors, DataOffset) = reader.Read();
        _tensorsByName = new Dictionary<string, GgufTensorInfo>(StringComparer.Ordinal);
        foreach (var tensor in Tensors)
        {
            if (!_tensorsByName.TryAdd(tensor.Name, tensor))
                throw new InvalidDataException($"{path}: tensor '{tensor.Name}' appears twice in the GGUF header.");
            if (DataOffset + tensor.Offset + tensor.ByteLength > length)
                throw new InvalidDataException(
                    $"{path}: file is truncated: tensor '{tensor.Name}' ends at byte {DataOffset + tensor.Offset + tensor.ByteLength} but the file has {length} bytes.");
        }
    }

    public string Path { get; }

    public long Length { get; }

    public uint Version { get; }

    public GgufMetadata Metadata { get; }

    public IReadOnlyList<GgufTensorInfo> Tensors { get; }

    /// <summary>Absolute file offset of the (aligned) tensor data section.</summary>
    public long DataOffset { get; }

    public string Architecture => Metadata.GetRequiredString("general.architecture");

    public static GgufFile Open(string path)
    {
        var file = MappedFile.Open(path, "model file");
        try
        {
            if (file.Length < 24)
                throw new InvalidDataException($"{path}: file is truncated ({file.Length} bytes): too short for a GGUF header.");
            return new GgufFile(path, file);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public bool TryGetTensor(string name, out GgufTensorInfo tensor) => _tensorsByName.TryGetValue(name, out tensor!);

    public GgufTensorInfo GetTensor(string name) =>
        _tensorsByName.TryGetValue(name, out var tensor)
            ? tensor
            : throw new InvalidDataException($"{Path}: tensor '{name}' is missing.");

    /// <summary>The raw bytes of a tensor, straight from the mapping.</summary>
    public ReadOnlySpan<byte> GetTensorBytes(GgufTensorInfo tensor) =>
        new(_base + DataOffset + tensor.Offset, checked((int)tensor.ByteLength));

    /// <summary>Pointer to a tensor's bytes (valid until Dispose), for kernels that take raw memory.</summary>
    public byte* GetTensorPointer(GgufTensorInfo tensor) => _base + DataOffset + tensor.Offset;

    public void Dispose() => _file.Dispose();

    /// <summary>Parses the header, turning every out-of-bounds read into a "truncated" error naming the file.</summary>
    private sealed class HeaderReader(string path, byte* start, long length)
    {
        private long _position;

        public (uint Version, GgufMetadata Metadata, IReadOnlyList<GgufTensorInfo> Tensors, long DataOffset) Read()
        {
            var magic = U32();
            if (magic != Magic)
                throw new InvalidDataException($"{path}: not a GGUF file (magic 0x{magic:X8}, expected \"GGUF\").");
            var version = U32();
            if (version != 3)
                throw new InvalidDataException($"{path}: unsupported GGUF version {version}; only version 3 is supported.");
            var tensorCount = U64();
            var kvCount = U64();
            if (tensorCount > int.MaxValue || kvCount > int.MaxValue)
                throw new InvalidDataException($"{path}: corrupt GGUF header (tensor count {tensorCount}, key count {kvCount}).");

            var values = new List<KeyValuePair<string, object>>((int)kvCount);
            for (ulong i = 0; i < kvCount; i++)
            {
                var key = String();
                var type = (GgufValueType)U32();
                values.Add(new(key, Value(type, key)));
            }
            var metadata = new GgufMetadata(path, values);

            var tensors = new List<GgufTensorInfo>((int)tensorCount);
            for (ulong i = 0; i < tensorCount; i++)
            {
                var name = String();
                var dimCount = U32();
                if (dimCount is 0 or > 4)
                    throw new InvalidDataException($"{path}: tensor '{name}' has {dimCount} dimensions (1 to 4 allowed).");
                var dims = new long[dimCount];
                for (var d = 0; d < dimCount; d++)
                    dims[d] = checked((long)U64());
                var type = U32();
                if (!GgmlTypeInfo.IsSupported(type))
                    throw new NotSupportedException($"{path}: tensor '{name}' has ggml type {type}, which is not supported (F32, F16, Q4_0, Q8_0, Q4_K, Q6_K are).");
                var offset = checked((long)U64());
                tensors.Add(new GgufTensorInfo(name, (GgmlType)type, dims, offset));
            }

            var alignment = metadata.GetInteger("general.alignment") ?? DefaultAlignment;
            if (alignment <= 0 || (alignment & (alignment - 1)) != 0)
                throw new InvalidDataException($"{path}: general.alignment {alignment} is not a power of two.");
            var dataOffset = (_position + alignment - 1) / alignment * alignment;
            if (dataOffset > length && tensorCount > 0)
                throw Truncated();
            foreach (var tensor in tensors)
            {
                if (tensor.Offset % alignment != 0)
                    throw new InvalidDataException($"{path}: tensor '{tensor.Name}' offset {tensor.Offset} is not aligned to {alignment}.");
            }
            return (version, metadata, tensors, dataOffset);
        }

        private object Value(GgufValueType type, string key) => type switch
        {
            GgufValueType.UInt8 => Take(1)[0],
            GgufValueType.Int8 => (sbyte)Take(1)[0],
            GgufValueType.UInt16 => BitConverter.ToUInt16(Take(2)),
            GgufValueType.Int16 => BitConverter.ToInt16(Take(2)),
            GgufValueType.UInt32 => U32(),
            GgufValueType.Int32 => BitConverter.ToInt32(Take(4)),
            GgufValueType.Float32 => BitConverter.ToSingle(Take(4)),
            GgufValueType.Bool => Take(1)[0] != 0,
            GgufValueType.String => String(),
            GgufValueType.UInt64 => U64(),
            GgufValueType.Int64 => BitConverter.ToInt64(Take(8)),
            GgufValueType.Float64 => BitConverter.ToDouble(Take(8)),
            GgufValueType.Array => Array(key),
            _ => throw new InvalidDataException($"{path}: metadata '{key}' has unknown value type {(uint)type}."),
        };

        private object Array(string key)
        {
            var elementType = (GgufValueType)U32();
            var count = U64();
            if (count > (ulong)(length - _position))
                throw Truncated();
            var n = (int)count;
            return elementType switch
            {
                GgufValueType.UInt8 => Take(n).ToArray(),
                GgufValueType.Int8 => Fill(n, () => (sbyte)Take(1)[0]),
                GgufValueType.UInt16 => Fill(n, () => BitConverter.ToUInt16(Take(2))),
                GgufValueType.Int16 => Fill(n, () => BitConverter.ToInt16(Take(2))),
                GgufValueType.UInt32 => Fill(n, U32),
                GgufValueType.Int32 => Fill(n, () => BitConverter.ToInt32(Take(4))),
                GgufValueType.Float32 => Fill(n, () => BitConverter.ToSingle(Take(4))),
                GgufValueType.Bool => Fill(n, () => Take(1)[0] != 0),
                GgufValueType.String => Fill(n, String),
                GgufValueType.UInt64 => Fill(n, U64),
                GgufValueType.Int64 => Fill(n, () => BitConverter.ToInt64(Take(8))),
                GgufValueType.Float64 => Fill(n, () => BitConverter.ToDouble(Take(8))),
                GgufValueType.Array => FillNested(n, key),
                _ => throw new InvalidDataException($"{path}: metadata '{key}' is an array of unknown type {(uint)elementType}."),
            };
        }

        private T[] Fill<T>(int count, Func<T> read)
        {
            var result = new T[count];
            for (var i = 0; i < count; i++)
                result[i] = read();
            return result;
        }

        private object[] FillNested(int count, string key)
        {
            var result = new object[count];
            for (var i = 0; i < count; i++)
                result[i] = Array(key);
            return result;
        }

        private uint U32() => BitConverter.ToUInt32(Take(4));

        private ulong U64() => BitConverter.ToUInt64(Take(8));

        private string String()
        {
            var byteCount = U64();
            if (byteCount > (ulong)(length - _position))
                throw Truncated();
            return Encoding.UTF8.GetString(Take((int)byteCount));
        }

        private ReadOnlySpan<byte> Take(int count)
        {
            if (count > length - _position)
                throw Truncated();
            var slice = new ReadOnlySpan<byte>(start + _position, count);
            _position += count;
            return slice;
        }

        private InvalidDataException Truncated() =>
            new($"{path}: file is truncated or corrupt: the GGUF header runs past the end of the file.");
    }
}
