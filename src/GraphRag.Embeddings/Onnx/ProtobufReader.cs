using System.Buffers.Binary;
using System.Text;

namespace GraphRag.Embeddings.Onnx;

/// <summary>
/// Reads protocol-buffer wire format field by field (varints, 64-bit, length-delimited, 32-bit), enough
/// to walk an ONNX <c>ModelProto</c>. ONNX Runtime's .NET package exposes no protobuf types, and
/// Google.Protobuf plus generated onnx.proto classes would be a larger dependency than these ~80 lines.
/// </summary>
internal ref struct ProtobufReader(ReadOnlySpan<byte> buffer)
{
    private readonly ReadOnlySpan<byte> _buffer = buffer;
    private int _position;

    public enum WireType { Varint = 0, Fixed64 = 1, LengthDelimited = 2, Fixed32 = 5 }

    /// <summary>Moves to the next field; false at the end of the message.</summary>
    public bool TryReadTag(out int field, out WireType wireType)
    {
        if (_position >= _buffer.Length)
        {
            field = 0;
            wireType = default;
            return false;
        }
        var tag = ReadVarint();
        field = (int)(tag >> 3);
        wireType = (WireType)(tag & 7);
        if (field <= 0) throw new InvalidDataException($"field number {field} at byte {_position}");
        return true;
    }

    public ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position >= _buffer.Length) throw new InvalidDataException("a varint runs past the end of its message");
            var b = _buffer[_position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
        throw new InvalidDataException($"a varint longer than 10 bytes at byte {_position}");
    }

    public long ReadInt64() => (long)ReadVarint();

    public float ReadFixed32Float()
    {
        var value = BinaryPrimitives.ReadSingleLittleEndian(Take(4));
        return value;
    }

    /// <summary>The bytes of a length-delimited field (a sub-message, a string, or a packed array).</summary>
    public ReadOnlySpan<byte> ReadBytes()
    {
        var length = ReadVarint();
        if (length > (ulong)(_buffer.Length - _position))
            throw new InvalidDataException($"a field of {length} bytes at byte {_position} runs past the end of its message ({_buffer.Length - _position} left)");
        return Take((int)length);
    }

    public string ReadString() => Encoding.UTF8.GetString(ReadBytes());

    public void Skip(WireType wireType)
    {
        switch (wireType)
        {
            case WireType.Varint: ReadVarint(); break;
            case WireType.Fixed64: Take(8); break;
            case WireType.LengthDelimited: ReadBytes(); break;
            case WireType.Fixed32: Take(4); break;
            default: throw new InvalidDataException($"unsupported wire type {(int)wireType} at byte {_position}");
        }
    }

    /// <summary>A repeated int64 field, packed (one length-delimited run) or not (one varint per tag).</summary>
    public void ReadInt64s(WireType wireType, List<long> into)
    {
        if (wireType == WireType.Varint)
        {
            into.Add(ReadInt64());
            return;
        }
        var packed = new ProtobufReader(ReadBytes());
        while (packed._position < packed._buffer.Length) into.Add(packed.ReadInt64());
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > _buffer.Length - _position) throw new InvalidDataException($"{count} bytes needed at byte {_position}, {_buffer.Length - _position} left");
        var span = _buffer.Slice(_position, count);
        _position += count;
        return span;
    }
}
