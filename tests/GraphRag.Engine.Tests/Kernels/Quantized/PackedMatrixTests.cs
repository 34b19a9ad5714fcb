using GraphRag.Engine.Kernels.Quantized;
using GraphRag.Engine.Tests.Reference;
using GraphRag.Engine.Threading;
using GraphRag.Generation.Gguf;
using GraphRag.TestSupport;

namespace GraphRag.Engine.Tests.Kernels.Quantized;

/// <summary>
/// The integer products against a float64 reference built independently of the packing: the weights dequantized by
/// the format's own decoder (Q*Format.Dequantize, checked against hand-packed blocks in QuantizedFormatTests), times
/// the activations dequantized from their int8 blocks (scale · q). Every format, the AVX2 and the scalar path,
/// row counts that leave a partial group of 8, batches that leave a partial tile of 4.
/// </summary>
public sealed class PackedMatrixTests
{
    public static TheoryData<QuantizedFormat, int, int, int, bool> Cases()
    {
        var data = new TheoryData<QuantizedFormat, int, int, int, bool>();
        foreach (var format in Enum.GetValues<QuantizedFormat>())
            foreach (var (rows, columns, m) in new[] { (13, 256, 1), (16, 512, 3), (37, 256, 5), (8, 768, 9) })
                foreach (var vectorized in new[] { true, false })
                    data.Add(format, rows, columns, m, vectorized);
        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public void Products_match_the_dequantized_double_precision_reference(QuantizedFormat format, int rows, int columns, int m, bool vectorized)
    {
        if (vectorized) Assert.SkipUnless(PackedMatrix.Avx2Kernels, "this CPU has no AVX2: only the scalar kernels can run");
        var type = Type(format);
        var ggml = GgmlQuantizer.Encode(RandomData.Floats(rows * columns, seed: rows * 7 + columns, scale: 0.3f), type);
        var x = RandomData.Floats(m * columns, seed: m * 11 + columns, scale: 2f);
        var activations = new QuantizedActivations();
        var packed = PackedMatrix.Pack(format, ggml, rows, columns);
        activations.Quantize(x, m, columns, packed.ActivationBlocks);

        var expected = Reference(type, ggml, rows, columns, activations, out var magnitude);
        var y = new float[m * rows];
        using var pool = new WorkerPool(2);
        new QuantizedProduct().Multiply(packed, x, y, m, pool, vectorized);
        for (var i = 0; i < y.Length; i++)
            Assert.True(Math.Abs(y[i] - expected[i]) <= 2e-6 * magnitude[i] + 1e-6, $"{format} output {i}: {y[i]} vs {expected[i]}");
    }

    [Fact]
    public void Thread_count_does_not_change_a_single_bit()
    {
        const int rows = 200, columns = 512, m = 6;
        var ggml = GgmlQuantizer.Encode(RandomData.Floats(rows * columns, 3, 0.3f), GgmlType.Q4_K);
        var x = RandomData.Floats(m * columns, 4);
        var packed = PackedMatrix.Pack(QuantizedFormat.Q4_K, ggml, rows, columns);
        float[] one = new float[m * rows], three = new float[m * rows];
        using (var pool = new WorkerPool(1)) new QuantizedProduct().Multiply(packed, x, one, m, pool);
        using (var pool = new WorkerPool(3)) new QuantizedProduct().Multiply(packed, x, three, m, pool);
        Assert.Equal(one, three);
    }

    [Fact]
    public void Activations_of_the_wrong_width_are_rejected_naming_the_format()
    {
        var activations = new QuantizedActivations();
        var error = Assert.Throws<ArgumentException>(() => activations.Quantize(new float[100], 1, 100, ActivationBlocks.Q8_K));
        Assert.Contains("Q8_K", error.Message);
    }

    private static double[] Reference(GgmlType type, byte[] ggml, int rows, int columns, QuantizedActivations x, out double[] magnitude)
    {
        var weights = new float[rows * columns];
        var rowBytes = (int)GgmlTypeInfo.RowBytes(type, columns);
        for (var r = 0; r < rows; r++)
        {
            var row = ggml.AsSpan(r * rowBytes, rowBytes);
            var values = weights.AsSpan(r * columns, columns);
            switch (type)
            {
                case GgmlType.Q8_0: Q8_0Format.Dequantize(row, values); break;
                case GgmlType.Q4_0: Q4_0Format.Dequantize(row, values); break;
                case GgmlType.Q4_K: Q4_KFormat.Dequantize(row, values); break;
                default: Q6_KFormat.Dequantize(row, values); break;
            }
        }
        var block = QuantizedActivations.BlockValues(x.Blocks);
        var expected = new double[x.Rows * rows];
        magnitude = new double[x.Rows * rows];
        for (var t = 0; t < x.Rows; t++)
            for (var r = 0; r < rows; r++)
            {
                double sum = 0, size = 0;
                for (var v = 0; v < columns; v++)
                {
                    var a = (double)x.Scales[t * columns / block + v / block] * x.Quants[t * columns + v];
                    sum += weights[r * columns + v] * a;
                    size += Math.Abs(weights[r * columns + v] * a);
                }
                expected[t * rows + r] = sum;
                magnitude[t * rows + r] = size;
            }
        return expected;
    }

    private static GgmlType Type(QuantizedFormat format) => format switch
    {
        QuantizedFormat.Q8_0 => GgmlType.Q8_0,
        QuantizedFormat.Q4_0 => GgmlType.Q4_0,
        QuantizedFormat.Q4_K => GgmlType.Q4_K,
        _ => GgmlType.Q6_K,
    };
}
