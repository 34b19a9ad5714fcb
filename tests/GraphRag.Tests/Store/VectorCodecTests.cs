using GraphRag.Store;

namespace GraphRag.Tests.Store;

public class VectorCodecTests
{
    private static float[] RandomUnitVector(int dims, int seed)
    {
        var random = new Random(seed);
        var v = Enumerable.Range(0, dims).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }

    [Theory]
    [InlineData(VectorFormat.F32, 4, 0.0)]
    [InlineData(VectorFormat.F16, 2, 1e-3)]
    [InlineData(VectorFormat.I8, 1, 1.0 / 127)]
    public void Round_trips_within_the_formats_precision(VectorFormat format, int bytesPerComponent, double tolerance)
    {
        var vector = RandomUnitVector(512, 7);
        var (bytes, scale) = VectorCodec.Encode(vector, format);
        Assert.Equal(512 * bytesPerComponent, bytes.Length);
        Assert.Equal(512, VectorCodec.Dimensions(bytes.Length, format));
        var decoded = new float[512];
        VectorCodec.Decode(bytes, format, scale, decoded);
        var maxAbs = vector.Max(Math.Abs);
        // f16 keeps ~11 bits of mantissa; i8 is off by at most half a step of max|x|/127.
        for (var i = 0; i < 512; i++)
            Assert.True(Math.Abs(vector[i] - decoded[i]) <= tolerance * Math.Max(maxAbs, 1e-6) / (format == VectorFormat.I8 ? 2 : 1) + 1e-7,
                $"component {i}: {vector[i]} vs {decoded[i]}");
    }

    [Fact]
    public void A_zero_vector_encodes_without_dividing_by_zero()
    {
        var (bytes, scale) = VectorCodec.Encode(new float[8], VectorFormat.I8);
        var decoded = new float[8];
        VectorCodec.Decode(bytes, VectorFormat.I8, scale, decoded);
        Assert.All(decoded, x => Assert.Equal(0f, x));
    }

    [Fact]
    public void Unknown_storage_names_are_rejected_with_the_choices()
    {
        var error = Assert.Throws<ArgumentException>(() => VectorCodec.Parse("bfloat3"));
        Assert.Contains("float32, float16 or int8", error.Message);
    }
}
