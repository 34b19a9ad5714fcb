using GraphRag.Engine.Kernels;
using GraphRag.Engine.Tests.Reference;

namespace GraphRag.Engine.Tests.Kernels;

/// <summary>Expected values: NaiveKernels.Attention (full score matrix, softmax in double) on each sequence alone.</summary>
public class PackedSequenceAttentionTests
{
    [Theory]
    [InlineData(new[] { 1 }, 2, 8)]
    [InlineData(new[] { 5, 17, 1, 40 }, 12, 32)]
    [InlineData(new[] { 33, 7 }, 4, 40)] // a head wider than 32 columns and not a multiple of 8
    [InlineData(new[] { 130, 6, 12 }, 3, 16)]
    public void Each_sequence_attends_only_to_its_own_keys(int[] lengths, int heads, int headDim)
    {
        var width = heads * headDim;
        var offsets = Offsets(lengths);
        var tokens = offsets[^1];
        var q = RandomData.Floats(tokens * width, seed: tokens, scale: 2f);
        var k = RandomData.Floats(tokens * width, seed: tokens + 1, scale: 2f);
        var v = RandomData.Floats(tokens * width, seed: tokens + 2);
        var scale = 1f / MathF.Sqrt(headDim);

        foreach (var threads in new[] { 1, 2 })
        {
            var output = new float[tokens * width];
            PackedSequenceAttention.Compute(q, k, v, output, offsets, offsets, heads, headDim, scale, threads);
            for (var s = 0; s < lengths.Length; s++)
            {
                var range = (offsets[s] * width)..(offsets[s + 1] * width);
                var expected = NaiveKernels.Attention(q[range], k[range], v[range], new AttentionShape(lengths[s], lengths[s], heads, headDim) { Scale = scale });
                Assert.True(RandomData.MaxAbsDiff(output[range], expected) <= 1e-5, $"sequence {s}, threads {threads}: {RandomData.MaxAbsDiff(output[range], expected):E2}");
            }
        }
    }

    [Fact]
    public void Queries_may_be_a_subset_of_rows_such_as_one_first_token_per_sequence()
    {
        int[] lengths = [9, 25, 3];
        const int heads = 6, headDim = 32, width = heads * headDim;
        var offsets = Offsets(lengths);
        var q = RandomData.Floats(offsets[^1] * width, seed: 31);
        var k = RandomData.Floats(offsets[^1] * width, seed: 32);
        var v = RandomData.Floats(offsets[^1] * width, seed: 33);
        var firstRows = lengths.SelectMany((_, s) => q.AsSpan(offsets[s] * width, width).ToArray()).ToArray();

        var output = new float[lengths.Length * width];
        PackedSequenceAttention.Compute(firstRows, k, v, output, [0, 1, 2, 3], offsets, heads, headDim, 0.2f, 2);
        for (var s = 0; s < lengths.Length; s++)
        {
            var range = (offsets[s] * width)..(offsets[s + 1] * width);
            var expected = NaiveKernels.Attention(firstRows[(s * width)..((s + 1) * width)], k[range], v[range], new AttentionShape(1, lengths[s], heads, headDim) { Scale = 0.2f });
            Assert.True(RandomData.MaxAbsDiff(output.AsSpan(s * width, width), expected) <= 1e-5, $"sequence {s}");
        }
    }

    [Fact]
    public void Inconsistent_offsets_are_rejected()
    {
        var data = new float[64];
        Assert.Throws<ArgumentException>(() => PackedSequenceAttention.Compute(data, data, data, data, [0, 2], [0, 1, 2], 1, 8, 1f));
        Assert.Throws<ArgumentException>(() => PackedSequenceAttention.Compute(data, data, data, data, [0, 1], [0, 0], 1, 8, 1f));
    }

    private static int[] Offsets(int[] lengths)
    {
        var offsets = new int[lengths.Length + 1];
        for (var s = 0; s < lengths.Length; s++) offsets[s + 1] = offsets[s] + lengths[s];
        return offsets;
    }
}
