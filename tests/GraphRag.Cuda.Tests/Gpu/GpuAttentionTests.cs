using GraphRag.Cuda.Emulation;
using GraphRag.Cuda.Interop;
using GraphRag.Cuda.Tests.Support;
using GraphRag.Engine.Kernels;

namespace GraphRag.Cuda.Tests.Gpu;

/// <summary>
/// The attention kernels on a real device against the CPU emulator and the float64 reference.
/// Run with `dotnet test --filter Category=Gpu`; without a device every test skips with the runtime's reason.
/// </summary>
[Trait("Category", "Gpu")]
public sealed class GpuAttentionTests
{
    public static TheoryData<int, int, int, int, int, bool, InputPrecision> PrefillCases()
    {
        var data = new TheoryData<int, int, int, int, int, bool, InputPrecision>();
        foreach (var precision in new[] { InputPrecision.Float32, InputPrecision.Float16, InputPrecision.BFloat16 })
        {
            data.Add(70, 70, 4, 1, 16, true, precision);
            data.Add(100, 333, 8, 2, 64, true, precision);
            data.Add(129, 129, 4, 4, 128, true, precision);
            data.Add(33, 95, 6, 3, 32, false, precision);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PrefillCases))]
    public void Prefill_MatchesTheEmulatorAndTheReference(int qLen, int kLen, int heads, int kvHeads, int d, bool causal, InputPrecision precision)
    {
        GpuRequirement.DeviceOrSkip();
        var shape = new AttentionShape(qLen, kLen, heads, d) { KvHeads = kvHeads, Causal = causal };
        var q = RandomTensors.Normal(qLen * heads * d, 1);
        var k = RandomTensors.Normal(kLen * kvHeads * d, 2);
        var v = RandomTensors.Normal(kLen * kvHeads * d, 3);

        using var dq = DeviceBuffer.From<byte>(InputRounding.Encode(q, precision));
        using var dk = DeviceBuffer.From<byte>(InputRounding.Encode(k, precision));
        using var dv = DeviceBuffer.From<byte>(InputRounding.Encode(v, precision));
        using var dOut = DeviceBuffer.Allocate((long)q.Length * sizeof(float));
        CudaKernels.AttentionPrefill(dq, dk, dv, dOut, shape, precision);
        var gpu = dOut.ToArray<float>(q.Length);

        var emulated = new float[q.Length];
        TiledAttentionEmulator.Prefill(q, k, v, emulated, shape, precision);
        var rv = InputRounding.Round(v, precision);
        var reference = ReferenceAttention.Compute(InputRounding.Round(q, precision), InputRounding.Round(k, precision), rv, shape);
        // float32: the same operations in the same order; only expf's last bits differ. 16-bit: the MMA's internal
        // summation order is the hardware's, so the device gets the emulator's rounding bound, not bit equality.
        var bound = precision == InputPrecision.Float32 ? 1e-5 : HalfPrecisionBound.RoundedInputs(rv, precision);
        Assert.True(ReferenceAttention.MaxAbsDifference(gpu, reference) <= bound, "device vs float64 reference");
        Assert.True(ReferenceAttention.MaxAbsDifference(gpu, emulated) <= 2 * bound, "device vs emulator");
    }

    [Theory]
    [InlineData("h8_q256_k256_d64", true)]
    [InlineData("h8_q256_k256_d64", false)]
    [InlineData("h4_q37_k37_d16_large", true)]
    [InlineData("h4_q1_k37_d16", true)]
    public void Prefill_Float32_MatchesFixture(string caseName, bool causal)
    {
        GpuRequirement.DeviceOrSkip();
        var f = AttentionFixture.Load(caseName);
        var shape = new AttentionShape(f.QueryLength, f.KeyLength, f.Heads, f.HeadDim) { Causal = causal };
        using var dq = DeviceBuffer.From<float>(f.Q);
        using var dk = DeviceBuffer.From<float>(f.K);
        using var dv = DeviceBuffer.From<float>(f.V);
        using var dOut = DeviceBuffer.Allocate((long)f.Q.Length * sizeof(float));

        CudaKernels.AttentionPrefill(dq, dk, dv, dOut, shape, InputPrecision.Float32);

        Assert.True(ReferenceAttention.MaxAbsDifference(dOut.ToArray<float>(f.Q.Length), causal ? f.Causal : f.NonCausal) <= f.Tolerance);
    }

    [Theory]
    [InlineData(37, InputPrecision.Float32)]
    [InlineData(257, InputPrecision.Float32)]
    [InlineData(8192, InputPrecision.Float32)]
    [InlineData(8192, InputPrecision.Float16)]
    [InlineData(8192, InputPrecision.BFloat16)]
    public void Decode_MatchesTheEmulator(int kLen, InputPrecision precision)
    {
        GpuRequirement.DeviceOrSkip();
        var shape = new AttentionShape(1, kLen, 8, 64) { KvHeads = 2 };
        var q = RandomTensors.Normal(8 * 64, 4);
        var k = RandomTensors.Normal(kLen * 2 * 64, 5);
        var v = RandomTensors.Normal(kLen * 2 * 64, 6);
        using var dq = DeviceBuffer.From<float>(q);
        using var dk = DeviceBuffer.From<byte>(InputRounding.Encode(k, precision));
        using var dv = DeviceBuffer.From<byte>(InputRounding.Encode(v, precision));
        using var dOut = DeviceBuffer.Allocate(q.Length * sizeof(float));
        using var workspace = DeviceBuffer.Allocate(CudaKernels.AttentionDecodeWorkspaceFloats(shape) * sizeof(float));

        CudaKernels.AttentionDecode(dq, dk, dv, dOut, workspace, shape, precision);

        var emulated = new float[q.Length];
        TiledAttentionEmulator.Decode(q, k, v, emulated, shape, precision);
        Assert.True(ReferenceAttention.MaxAbsDifference(dOut.ToArray<float>(q.Length), emulated) <= 1e-5);
    }
}
