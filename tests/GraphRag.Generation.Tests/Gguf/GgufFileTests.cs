using System.Runtime.InteropServices;
using GraphRag.Generation.Gguf;
using GraphRag.Generation.Models;
using GraphRag.Tests;
using GraphRag.TestSupport;

namespace GraphRag.Generation.Tests.Gguf;

public sealed class GgufFileTests
{
    [Fact]
    public void Reads_the_fixture_header_as_documented()
    {
        // Expected values: the metadata and tensor tables of Fixtures/llama/README.md (written by llama.cpp's converter).
        using var file = GgufFile.Open(Fixtures.Path("llama", "model-q8_0.gguf"));
        Assert.Equal(3u, file.Version);
        Assert.Equal("llama", file.Architecture);
        Assert.Equal("tiny-random-llama-public", file.Metadata.GetString("general.name"));
        Assert.Equal(2, file.Metadata.GetInteger("llama.block_count"));
        Assert.Equal(10000.0, file.Metadata.GetFloat("llama.rope.freq_base"));
        Assert.Equal(512, file.Metadata.GetArray<string>("tokenizer.ggml.tokens")!.Length);
        Assert.True(file.Metadata.GetBool("tokenizer.ggml.add_bos_token"));
        var down = file.GetTensor("blk.0.ffn_down.weight");
        Assert.Equal(GgmlType.F16, down.Type);
        Assert.Equal([172L, 64L], down.Dimensions);
        Assert.Equal(82816, file.DataOffset + down.Offset);
        Assert.Equal(12928, file.DataOffset + file.GetTensor("output.weight").Offset);
        Assert.Equal(GgmlType.Q8_0, file.GetTensor("output.weight").Type);
    }

    [Fact]
    public void Writer_output_reads_back_every_value_type_and_tensor()
    {
        using var dir = new TempDirectory();
        var path = dir.File("roundtrip.gguf");
        var weights = Enumerable.Range(0, 64).Select(i => i * 0.25f - 3f).ToArray();
        var q8 = new byte[2 * 34];
        GraphRag.Engine.Kernels.Quantized.Q8_0Format.Quantize(weights, q8);
        new GgufWriter(alignment: 64)
            .AddMetadata("general.architecture", "llama")
            .AddMetadata("u8", (byte)7).AddMetadata("i8", (sbyte)-7).AddMetadata("u16", (ushort)65000).AddMetadata("i16", (short)-300)
            .AddMetadata("u32", 4_000_000_000u).AddMetadata("i32", -5).AddMetadata("f32", 1.5f).AddMetadata("bool", true)
            .AddMetadata("string", "héllo").AddMetadata("u64", ulong.MaxValue).AddMetadata("i64", long.MinValue).AddMetadata("f64", Math.PI)
            .AddMetadata("strings", new[] { "a", "", "▁b" }).AddMetadata("floats", new[] { 1f, -2f })
            .AddMetadata("nested", new object[] { new[] { 1, 2 }, new[] { 3 } })
            .AddTensor("f32", weights, [16, 4])
            .AddTensor("q8", GgmlType.Q8_0, [64], () => q8)
            .WriteTo(path);

        using var file = GgufFile.Open(path);
        var m = file.Metadata;
        Assert.Equal((byte)7, m.Get("u8"));
        Assert.Equal((sbyte)-7, m.Get("i8"));
        Assert.Equal((ushort)65000, m.Get("u16"));
        Assert.Equal((short)-300, m.Get("i16"));
        Assert.Equal(4_000_000_000u, m.Get("u32"));
        Assert.Equal(-5, m.GetInteger("i32"));
        Assert.Equal(1.5, m.GetFloat("f32"));
        Assert.True(m.GetBool("bool"));
        Assert.Equal("héllo", m.GetString("string"));
        Assert.Equal(ulong.MaxValue, m.Get("u64"));
        Assert.Equal(long.MinValue, m.Get("i64"));
        Assert.Equal(Math.PI, m.Get("f64"));
        Assert.Equal(["a", "", "▁b"], m.GetArray<string>("strings")!);
        Assert.Equal([1f, -2f], m.GetArray<float>("floats")!);
        Assert.Equal([1, 2], (int[])m.GetArray<object>("nested")![0]);
        Assert.Equal(64, m.GetInteger("general.alignment"));

        var f32 = file.GetTensor("f32");
        Assert.Equal(0, file.DataOffset % 64);
        Assert.Equal(weights, MemoryMarshal.Cast<byte, float>(file.GetTensorBytes(f32)).ToArray());
        Assert.Equal(q8, file.GetTensorBytes(file.GetTensor("q8")).ToArray());
        Assert.Equal(0, file.GetTensor("q8").Offset % 64);
    }

    [Fact]
    public void Bad_magic_names_the_file()
    {
        using var dir = new TempDirectory();
        var path = dir.File("not.gguf");
        File.WriteAllBytes(path, new byte[64]);
        var error = Assert.Throws<InvalidDataException>(() => GgufFile.Open(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("not a GGUF file", error.Message);
    }

    [Fact]
    public void Unsupported_version_is_reported()
    {
        using var dir = new TempDirectory();
        var path = dir.File("v2.gguf");
        var bytes = File.ReadAllBytes(Fixtures.Path("gpt2", "model-f32.gguf"));
        bytes[4] = 2;
        File.WriteAllBytes(path, bytes);
        var error = Assert.Throws<InvalidDataException>(() => GgufFile.Open(path));
        Assert.Contains("unsupported GGUF version 2", error.Message);
    }

    [Theory]
    [InlineData(100)]      // inside the metadata
    [InlineData(400_000)]  // inside the tensor data
    public void Truncated_file_is_reported_with_its_path(int keepBytes)
    {
        using var dir = new TempDirectory();
        var path = dir.File("cut.gguf");
        File.WriteAllBytes(path, File.ReadAllBytes(Fixtures.Path("gpt2", "model-f32.gguf"))[..keepBytes]);
        var error = Assert.Throws<InvalidDataException>(() => GgufFile.Open(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Unknown_tensor_type_is_reported()
    {
        using var dir = new TempDirectory();
        var path = dir.File("q5.gguf");
        new GgufWriter().AddMetadata("general.architecture", "llama").AddTensor("w", new float[32], [32]).WriteTo(path);
        var bytes = File.ReadAllBytes(path);
        // The tensor's ggml type sits right after its name and its one dimension.
        var typeOffset = FindTypeOffset(bytes, "w", dims: 1);
        BitConverter.TryWriteBytes(bytes.AsSpan(typeOffset), 6u); // Q5_0
        File.WriteAllBytes(path, bytes);
        var error = Assert.Throws<NotSupportedException>(() => GgufFile.Open(path));
        Assert.Contains("ggml type 6", error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Unknown_architecture_is_reported()
    {
        using var dir = new TempDirectory();
        var path = dir.File("mamba.gguf");
        new GgufWriter().AddMetadata("general.architecture", "mamba").AddTensor("w", new float[32], [32]).WriteTo(path);
        var error = Assert.Throws<NotSupportedException>(() => ModelLoader.Load(path));
        Assert.Contains("unknown architecture 'mamba'", error.Message);
        Assert.Contains(path, error.Message);
    }

    private static int FindTypeOffset(byte[] bytes, string tensorName, int dims)
    {
        var name = System.Text.Encoding.UTF8.GetBytes(tensorName);
        for (var i = bytes.Length - 8 - name.Length; i >= 0; i--)
        {
            if (BitConverter.ToUInt64(bytes, i) == (ulong)name.Length && bytes.AsSpan(i + 8, name.Length).SequenceEqual(name)
                && BitConverter.ToUInt32(bytes, i + 8 + name.Length) == dims)
                return i + 8 + name.Length + 4 + 8 * dims;
        }
        throw new InvalidOperationException("tensor info not found");
    }
}
