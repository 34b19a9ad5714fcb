using GraphRag.Cuda.Emulation;
using GraphRag.Cuda.Tests.Support;
using GraphRag.Engine.Kernels;

namespace GraphRag.Cuda.Tests.Emulation;

public sealed class TiledAttentionEmulatorTests
{
    public static TheoryData<string, bool> FixtureCases()
    {
        var data = new TheoryData<string, bool>();
        foreach (var name in AttentionFixture.CaseNames())
        {
            data.Add(name, true);
            data.Add(name, false);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(FixtureCases))]
    public void Prefill_Float32_MatchesFixtureWithinReadmeTolerance(string caseName, bool causal)
    {
        var f = AttentionFixture.Load(caseName);
        var shape = new AttentionShape(f.QueryLength, f.KeyLength, f.Heads, f.HeadDim) { Causal = causal };
        var output = new float[f.Q.Length];

        TiledAttentionEmulator.Prefill(f.Q, f.K, f.V, output, shape, InputPrecision.Float32);

        var error = ReferenceAttention.MaxAbsDifference(output, causal ? f.Causal : f.NonCausal);
        Assert.True(error <= f.Tolerance, $"{caseName} causal={causal}: max abs error {error:E2} > {f.Tolerance:E0}");
    }

    [Fact]
    public void Decode_Float32_MatchesSingleQueryFixture()
    {
        // h4_q1_k37_d16: one query at position 36 sees all 37 keys, so the causal output is the decode output.
        var f = AttentionFixture.Load("h4_q1_k37_d16");
        var shape = new AttentionShape(1, f.KeyLength, f.Heads, f.HeadDim);
        var output = new float[f.Q.Length];

        TiledAttentionEmulator.Decode(f.Q, f.K, f.V, output, shape, InputPrecision.Float32);

        Assert.True(ReferenceAttention.MaxAbsDifference(output, f.Causal) <= f.Tolerance);
    }

    public static TheoryData<int, int, int, int, int, bool> Shapes() => new()
    {
        // qLen, kLen, heads, kvHeads, headDim, causal
        { 70, 70, 4, 1, 16, true },     // two query blocks, the second mostly padding; multi-query attention
        { 100, 333, 8, 2, 64, true },   // chunked prefill: queries at positions 233..332; GQA 4:1
        { 64, 64, 2, 2, 128, true },    // exactly one query block and two key tiles
        { 33, 95, 6, 3, 32, false },    // key count not a multiple of the 32-key tile
        { 1, 300, 4, 2, 32, true },     // one query (decode through the prefill kernel)
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Prefill_Float32_MatchesPlainReference(int qLen, int kLen, int heads, int kvHeads, int d, bool causal)
    {
        var shape = new AttentionShape(qLen, kLen, heads, d) { KvHeads = kvHeads, Causal = causal };
        var (q, k, v) = Inputs(shape, seed: qLen * 31 + kLen);
        var output = new float[q.Length];

        TiledAttentionEmulator.Prefill(q, k, v, output, shape, InputPrecision.Float32);

        // Same bound as the fixtures' README for normal-range scores (float32 accumulation vs float64).
        var error = ReferenceAttention.MaxAbsDifference(output, ReferenceAttention.Compute(q, k, v, shape));
        Assert.True(error <= 1e-5, $"max abs error {error:E2}");
    }

    [Fact]
    public void Prefill_Float32_AgreesWithTheEngineCpuKernel()
    {
        // The engine's Attention.Compute is the CPU path the CUDA path replaces: same layout, mask and head mapping.
        var shape = new AttentionShape(45, 130, 8, 32) { KvHeads = 2, Causal = true };
        var (q, k, v) = Inputs(shape, seed: 7);
        var emulated = new float[q.Length];
        var engine = new float[q.Length];

        TiledAttentionEmulator.Prefill(q, k, v, emulated, shape, InputPrecision.Float32);
        Attention.Compute(q, k, v, engine, shape);

        Assert.True(ReferenceAttention.MaxAbsDifference(emulated, engine) <= 1e-5);
    }

    [Theory]
    [InlineData(InputPrecision.Float16)]
    [InlineData(InputPrecision.BFloat16)]
    public void Prefill_HalfPrecision_IsWithinTheRoundingBoundOfTheReferenceOnRoundedInputs(InputPrecision precision)
    {
        var shape = new AttentionShape(100, 333, 8, 64) { KvHeads = 2, Causal = true };
        var (q, k, v) = Inputs(shape, seed: 11);
        var output = new float[q.Length];

        TiledAttentionEmulator.Prefill(q, k, v, output, shape, precision);

        var rq = InputRounding.Round(q, precision);
        var rk = InputRounding.Round(k, precision);
        var rv = InputRounding.Round(v, precision);
        var error = ReferenceAttention.MaxAbsDifference(output, ReferenceAttention.Compute(rq, rk, rv, shape));
        var bound = HalfPrecisionBound.RoundedInputs(rv, precision);
        Assert.True(error <= bound, $"{precision}: max abs error {error:E2} > bound {bound:E2}");
        // The rounding of P is really emulated: the result is not the float32 path's.
        var float32 = new float[q.Length];
        TiledAttentionEmulator.Prefill(rq, rk, rv, float32, shape, InputPrecision.Float32);
        Assert.True(ReferenceAttention.MaxAbsDifference(output, float32) > 1e-6);
    }

    [Theory]
    [InlineData("h8_q256_k256_d64", InputPrecision.Float16)]
    [InlineData("h8_q256_k256_d64", InputPrecision.BFloat16)]
    [InlineData("h4_q37_k37_d16", InputPrecision.Float16)]
    [InlineData("h4_q37_k37_d16", InputPrecision.BFloat16)]
    public void Prefill_HalfPrecision_MatchesFixtureWithinTheInputRoundingBound(string caseName, InputPrecision precision)
    {
        var f = AttentionFixture.Load(caseName);
        var shape = new AttentionShape(f.QueryLength, f.KeyLength, f.Heads, f.HeadDim) { Causal = true };
        var output = new float[f.Q.Length];

        TiledAttentionEmulator.Prefill(f.Q, f.K, f.V, output, shape, precision);

        var bound = HalfPrecisionBound.UnroundedInputs(f.Q, f.K, f.V, f.Heads, f.Heads, f.HeadDim, 1f / MathF.Sqrt(f.HeadDim), precision);
        var error = ReferenceAttention.MaxAbsDifference(output, f.Causal);
        Assert.True(error <= bound, $"{caseName} {precision}: max abs error {error:E2} > bound {bound:E2}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(37)]
    [InlineData(256)]   // exactly one split
    [InlineData(257)]   // a second split holding one key
    [InlineData(1000)]
    [InlineData(2049)]
    public void Decode_Float32_MatchesPlainReference(int kLen)
    {
        var shape = new AttentionShape(1, kLen, 8, 64) { KvHeads = 2 };
        var (q, k, v) = Inputs(shape, seed: kLen);
        var output = new float[q.Length];

        TiledAttentionEmulator.Decode(q, k, v, output, shape, InputPrecision.Float32);

        var error = ReferenceAttention.MaxAbsDifference(output, ReferenceAttention.Compute(q, k, v, shape));
        Assert.True(error <= 1e-5, $"kLen {kLen}: max abs error {error:E2}");
    }

    [Fact]
    public void Decode_SplitCombine_HandlesSplitsWhoseMaximaDifferWidely()
    {
        // Scores of std ~36 make each split's running max very different: the combine must rescale by exp(m_s − M)
        // without overflowing (exp of a raw score would be inf in float32).
        var shape = new AttentionShape(1, 700, 2, 16);
        var q = RandomTensors.Normal(2 * 16, seed: 5, std: 6f);
        var k = RandomTensors.Normal(700 * 2 * 16, seed: 6, std: 6f);
        var v = RandomTensors.Normal(700 * 2 * 16, seed: 8);
        var output = new float[q.Length];

        TiledAttentionEmulator.Decode(q, k, v, output, shape, InputPrecision.Float32);

        Assert.All(output, x => Assert.True(float.IsFinite(x)));
        Assert.True(ReferenceAttention.MaxAbsDifference(output, ReferenceAttention.Compute(q, k, v, shape)) <= 5e-5);
    }

    [Theory]
    [InlineData(InputPrecision.Float16)]
    [InlineData(InputPrecision.BFloat16)]
    public void Decode_HalfPrecisionCache_IsWithinTheRoundingBound(InputPrecision precision)
    {
        // The decode kernel rounds only the cache (q stays float32) and keeps P in float32, so against a reference
        // on the rounded cache only float32 accumulation differs.
        var shape = new AttentionShape(1, 1000, 8, 64) { KvHeads = 2 };
        var (q, k, v) = Inputs(shape, seed: 3);
        var output = new float[q.Length];

        TiledAttentionEmulator.Decode(q, k, v, output, shape, precision);

        var expected = ReferenceAttention.Compute(q, InputRounding.Round(k, precision), InputRounding.Round(v, precision), shape);
        Assert.True(ReferenceAttention.MaxAbsDifference(output, expected) <= 1e-5);
    }

    [Fact]
    public void Rejects_HeadDimensionsTheKernelsAreNotBuiltFor()
    {
        var shape = new AttentionShape(4, 4, 1, 20);
        var ex = Assert.Throws<ArgumentException>(() => TiledAttentionEmulator.Prefill(new float[80], new float[80], new float[80], new float[80], shape, InputPrecision.Float32));
        Assert.Contains("HeadDim 20", ex.Message);
    }

    [Fact]
    public void Rejects_MoreQueriesThanKeys()
    {
        var shape = new AttentionShape(8, 4, 1, 16);
        var ex = Assert.Throws<ArgumentException>(() => TiledAttentionEmulator.Prefill(new float[128], new float[64], new float[64], new float[128], shape, InputPrecision.Float32));
        Assert.Contains("KeyLength (4)", ex.Message);
    }

    private static (float[] Q, float[] K, float[] V) Inputs(AttentionShape s, int seed)
        => (RandomTensors.Normal(s.QueryLength * s.Heads * s.HeadDim, seed),
            RandomTensors.Normal(s.KeyLength * s.KvHeads * s.HeadDim, seed + 1),
            RandomTensors.Normal(s.KeyLength * s.KvHeads * s.HeadDim, seed + 2));
}
