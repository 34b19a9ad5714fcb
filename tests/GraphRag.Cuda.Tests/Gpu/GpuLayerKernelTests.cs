using GraphRag.Cuda.Emulation;
using GraphRag.Cuda.Interop;
using GraphRag.Cuda.Tests.Support;
using GraphRag.Engine.Kernels;
using GraphRag.Engine.Kernels.Quantized;

namespace GraphRag.Cuda.Tests.Gpu;

/// <summary>The non-attention kernels on a real device against the engine's CPU kernels or the definitions.</summary>
[Trait("Category", "Gpu")]
public sealed class GpuLayerKernelTests
{
    [Fact]
    public void RmsNorm_MatchesTheEngine()
    {
        GpuRequirement.DeviceOrSkip();
        const int rows = 5, n = 1000;
        var x = RandomTensors.Normal(rows * n, 1);
        var weight = RandomTensors.Normal(n, 2);
        using var dx = DeviceBuffer.From<float>(x);
        using var dw = DeviceBuffer.From<float>(weight);
        using var dOut = DeviceBuffer.Allocate(x.Length * sizeof(float));

        CudaKernels.RmsNorm(dOut, dx, dw, rows, n, 1e-5f);

        var expected = new float[x.Length];
        Normalization.RmsNorm(x, expected, weight, 1e-5f, rows, n);
        Assert.True(ReferenceAttention.MaxAbsDifference(dOut.ToArray<float>(x.Length), expected) <= 1e-5);
    }

    [Theory]
    [InlineData(RopeStyle.AdjacentPairs, 64)]
    [InlineData(RopeStyle.HalfSplit, 64)]
    [InlineData(RopeStyle.HalfSplit, 32)]  // partial rotary: only the first 32 of 64 dimensions turn
    public void Rope_MatchesTheEngine(RopeStyle style, int rotaryDims)
    {
        GpuRequirement.DeviceOrSkip();
        const int tokens = 7, heads = 3, d = 64, start = 4000;
        const float theta = 10000f;
        var x = RandomTensors.Normal(tokens * heads * d, 3);
        using var dx = DeviceBuffer.From<float>(x);

        CudaKernels.Rope(dx, tokens, heads, d, rotaryDims, start, theta, style);

        var expected = (float[])x.Clone();
        Rope.Apply(expected, tokens, heads, d, start, theta, style, rotaryDims);
        // Both form the angle in double and rotate in float32; only fused multiply-adds may differ.
        Assert.True(ReferenceAttention.MaxAbsDifference(dx.ToArray<float>(x.Length), expected) <= 1e-5);
    }

    [Fact]
    public void SwiGluAndAdd_MatchTheDefinitions()
    {
        GpuRequirement.DeviceOrSkip();
        const int n = 3000;
        var gate = RandomTensors.Normal(n, 4);
        var up = RandomTensors.Normal(n, 5);
        using var dGate = DeviceBuffer.From<float>(gate);
        using var dUp = DeviceBuffer.From<float>(up);
        using var dOut = DeviceBuffer.Allocate(n * sizeof(float));
        using var dSum = DeviceBuffer.Allocate(n * sizeof(float));

        CudaKernels.SwiGlu(dOut, dGate, dUp, n);
        CudaKernels.Add(dSum, dGate, dUp, n);

        var swiglu = gate.Select((g, i) => g / (1.0 + Math.Exp(-g)) * up[i]).ToArray();
        var sum = gate.Select((g, i) => (double)(g + up[i])).ToArray();
        Assert.True(ReferenceAttention.MaxAbsDifference(dOut.ToArray<float>(n), swiglu) <= 1e-5);
        Assert.True(ReferenceAttention.MaxAbsDifference(dSum.ToArray<float>(n), sum) == 0);
    }

    [Fact]
    public void MatVecF16_MatchesTheEngineDot()
    {
        GpuRequirement.DeviceOrSkip();
        const int rows = 300, cols = 576;
        var weights = InputRounding.Encode(RandomTensors.Normal(rows * cols, 6), InputPrecision.Float16);
        var x = RandomTensors.Normal(cols, 7);
        using var dw = DeviceBuffer.From<byte>(weights);
        using var dx = DeviceBuffer.From<float>(x);
        using var dOut = DeviceBuffer.Allocate(rows * sizeof(float));

        CudaKernels.MatVecF16(dOut, dw, dx, rows, cols);

        var expected = Enumerable.Range(0, rows).Select(r => F16Format.Dot(weights.AsSpan(r * cols * 2, cols * 2), x)).ToArray();
        Assert.True(ReferenceAttention.MaxAbsDifference(dOut.ToArray<float>(rows), expected) <= 1e-3);  // ~24 sums of |x| ≈ 1 in float32
    }

    [Fact]
    public void MatVecQ8_0_MatchesTheEngineDot()
    {
        GpuRequirement.DeviceOrSkip();
        const int rows = 300, cols = 576, rowBytes = cols / Q8_0Format.BlockValues * Q8_0Format.BlockBytes;
        var weights = new byte[rows * rowBytes];
        Q8_0Format.Quantize(RandomTensors.Normal(rows * cols, 8), weights);
        var x = RandomTensors.Normal(cols, 9);
        using var dw = DeviceBuffer.From<byte>(weights);
        using var dx = DeviceBuffer.From<float>(x);
        using var dOut = DeviceBuffer.Allocate(rows * sizeof(float));

        CudaKernels.MatVecQ8_0(dOut, dw, dx, rows, cols);

        var expected = Enumerable.Range(0, rows).Select(r => Q8_0Format.Dot(weights.AsSpan(r * rowBytes, rowBytes), x)).ToArray();
        Assert.True(ReferenceAttention.MaxAbsDifference(dOut.ToArray<float>(rows), expected) <= 1e-3);
    }

    [Fact]
    public void Argmax_ReturnsTheFirstMaximum()
    {
        GpuRequirement.DeviceOrSkip();
        var x = RandomTensors.Normal(50_000, 10);
        x[31_337] = 100f;
        x[40_000] = 100f;  // a tie: the lower index wins
        using var dx = DeviceBuffer.From<float>(x);
        using var index = DeviceBuffer.Allocate(sizeof(int));

        CudaKernels.Argmax(index, dx, x.Length);

        Assert.Equal(31_337, index.ToArray<int>(1)[0]);
    }

    [Theory]
    [InlineData(InputPrecision.Float16)]
    [InlineData(InputPrecision.BFloat16)]
    public void Convert_RoundsLikeTheEmulator(InputPrecision precision)
    {
        GpuRequirement.DeviceOrSkip();
        var x = RandomTensors.Normal(4096, 11, std: 100f);
        using var dx = DeviceBuffer.From<float>(x);
        using var dOut = DeviceBuffer.Allocate(x.Length * 2);

        CudaKernels.Convert(dOut, dx, x.Length, precision);

        Assert.Equal(InputRounding.Encode(x, precision), dOut.ToArray<byte>(x.Length * 2));
    }
}
