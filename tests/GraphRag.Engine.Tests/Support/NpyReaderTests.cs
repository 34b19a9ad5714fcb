using System.Text;
using GraphRag.TestSupport;
using GraphRag.Tests;

namespace GraphRag.Engine.Tests.Support;

public class NpyReaderTests
{
    [Fact]
    public void Reads_shape_and_values_of_a_float32_fixture()
    {
        var array = NpyReader.ReadFloat32(Path.Combine(AppContext.BaseDirectory, "Fixtures", "attention", "h4_q1_k37_d16_k.npy"));
        Assert.Equal([1, 4, 37, 16], array.Shape);
        Assert.Equal(4 * 37 * 16, array.Data.Length);
        Assert.All(array.Data, x => Assert.True(float.IsFinite(x)));
    }

    [Fact]
    public void Reads_float64_and_int64_arrays_written_by_hand()
    {
        using var dir = new TempDirectory();
        var doubles = dir.File("d.npy");
        File.WriteAllBytes(doubles, Npy("<f8", "(2,)", [.. BitConverter.GetBytes(1.5), .. BitConverter.GetBytes(-2.25)]));
        Assert.Equal([1.5f, -2.25f], NpyReader.ReadFloat32(doubles).Data);

        var longs = dir.File("l.npy");
        File.WriteAllBytes(longs, Npy("<i8", "(1, 2)", [.. BitConverter.GetBytes(7L), .. BitConverter.GetBytes(-3L)]));
        var read = NpyReader.ReadInt64(longs);
        Assert.Equal([1, 2], read.Shape);
        Assert.Equal([7L, -3L], read.Data);
    }

    [Fact]
    public void A_file_that_is_not_npy_is_rejected_with_its_path()
    {
        using var dir = new TempDirectory();
        var path = dir.File("bad.npy");
        File.WriteAllText(path, "hello, not numpy");
        var error = Assert.Throws<InvalidDataException>(() => NpyReader.ReadFloat32(path));
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void A_truncated_payload_is_rejected()
    {
        using var dir = new TempDirectory();
        var path = dir.File("short.npy");
        File.WriteAllBytes(path, Npy("<f4", "(3,)", new byte[8]));
        var error = Assert.Throws<InvalidDataException>(() => NpyReader.ReadFloat32(path));
        Assert.Contains("expected 12 bytes", error.Message);
    }

    /// <summary>A version-1 .npy file as numpy.save writes it.</summary>
    private static byte[] Npy(string descr, string shape, byte[] payload)
    {
        var header = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {shape}, }}";
        header = header.PadRight(64 - 10 - 1) + "\n";
        return [0x93, .. "NUMPY"u8, 1, 0, .. BitConverter.GetBytes((ushort)header.Length), .. Encoding.ASCII.GetBytes(header), .. payload];
    }
}
