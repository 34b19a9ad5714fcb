using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;

namespace GraphRag.TestSupport;

/// <summary>An array read from a NumPy .npy file: its shape and its values in C (row-major) order.</summary>
public sealed record NpyArray<T>(int[] Shape, T[] Data);

/// <summary>
/// Reads NumPy .npy files (format versions 1–3) of little-endian float32/float64/int32/int64 in C order,
/// the format of the reference fixtures under ../shared/reference.
/// </summary>
public static partial class NpyReader
{
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Reads a float array; float64 values are rounded to float32.</summary>
    public static NpyArray<float> ReadFloat32(string path)
    {
        var (dtype, shape, payload) = ReadRaw(path);
        var count = Count(shape);
        var data = new float[count];
        switch (dtype)
        {
            case "<f4":
                Expect(path, payload, count * 4L);
                for (var i = 0; i < count; i++) data[i] = BinaryPrimitives.ReadSingleLittleEndian(payload.AsSpan(i * 4));
                break;
            case "<f8":
                Expect(path, payload, count * 8L);
                for (var i = 0; i < count; i++) data[i] = (float)BinaryPrimitives.ReadDoubleLittleEndian(payload.AsSpan(i * 8));
                break;
            default:
                throw new InvalidDataException($"{path}: dtype '{dtype}' is not a float type (expected <f4 or <f8).");
        }
        return new NpyArray<float>(shape, data);
    }

    /// <summary>Reads an integer array (int32 or int64) as 64-bit integers.</summary>
    public static NpyArray<long> ReadInt64(string path)
    {
        var (dtype, shape, payload) = ReadRaw(path);
        var count = Count(shape);
        var data = new long[count];
        switch (dtype)
        {
            case "<i4":
                Expect(path, payload, count * 4L);
                for (var i = 0; i < count; i++) data[i] = BinaryPrimitives.ReadInt32LittleEndian(payload.AsSpan(i * 4));
                break;
            case "<i8":
                Expect(path, payload, count * 8L);
                for (var i = 0; i < count; i++) data[i] = BinaryPrimitives.ReadInt64LittleEndian(payload.AsSpan(i * 8));
                break;
            default:
                throw new InvalidDataException($"{path}: dtype '{dtype}' is not an integer type (expected <i4 or <i8).");
        }
        return new NpyArray<long>(shape, data);
    }

    private static (string Dtype, int[] Shape, byte[] Payload) ReadRaw(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 10 || !bytes.AsSpan(0, 6).SequenceEqual(Magic))
            throw new InvalidDataException($"{path}: not a .npy file (missing \\x93NUMPY magic).");
        int major = bytes[6], headerLength, headerStart;
        if (major == 1) { headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)); headerStart = 10; }
        else if (major is 2 or 3) { headerLength = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8))); headerStart = 12; }
        else throw new InvalidDataException($"{path}: unsupported .npy format version {major}.");
        if (headerStart + headerLength > bytes.Length) throw new InvalidDataException($"{path}: header runs past the end of the file.");

        var header = Encoding.UTF8.GetString(bytes, headerStart, headerLength);
        var descr = DescrPattern().Match(header);
        var order = FortranPattern().Match(header);
        var shape = ShapePattern().Match(header);
        if (!descr.Success || !order.Success || !shape.Success)
            throw new InvalidDataException($"{path}: malformed .npy header: {header.Trim()}");
        if (order.Groups[1].Value == "True")
            throw new InvalidDataException($"{path}: Fortran-order arrays are not supported; save with C order.");

        var dims = shape.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(int.Parse).ToArray();
        var dtype = descr.Groups[1].Value.Replace("|", "<");
        return (dtype, dims, bytes[(headerStart + headerLength)..]);
    }

    private static int Count(int[] shape) => checked(shape.Aggregate(1, (a, b) => a * b));

    private static void Expect(string path, byte[] payload, long bytes)
    {
        if (payload.Length < bytes) throw new InvalidDataException($"{path}: expected {bytes} bytes of data but the file has {payload.Length}.");
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']+)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
