using GraphRag.Retrieve.Dense;

namespace GraphRag.Tests.Retrieve.Dense;

public class ExactVectorIndexTests
{
    /// <summary>The plain reference: every dot product in double, best window per chunk, sort.</summary>
    private static List<(long ChunkId, double Score)> Naive(float[] matrix, long[] ids, int dims, float[] query, int top) =>
        ids.Select((id, row) => (id, Score: Enumerable.Range(0, dims).Sum(d => (double)matrix[row * dims + d] * query[d])))
            .GroupBy(x => x.id).Select(g => (g.Key, g.Max(x => x.Score)))
            .OrderByDescending(x => x.Item2).ThenBy(x => x.Key).Take(top).ToList();

    [Theory]
    [InlineData(1, 3, 5)]
    [InlineData(100, 17, 10)]
    [InlineData(40_000, 64, 20)]   // above the parallel threshold
    public void Matches_a_naive_scan(int rows, int dims, int top)
    {
        var random = new Random(rows);
        var matrix = Enumerable.Range(0, rows * dims).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        // Several windows per chunk: ids repeat in runs of up to three rows.
        var ids = Enumerable.Range(0, rows).Select(r => (long)(r / 3)).ToArray();
        var query = Enumerable.Range(0, dims).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();

        var expected = Naive(matrix, ids, dims, query, top);
        var actual = new ExactVectorIndex(matrix, ids, dims).Search(query, top);

        Assert.Equal(expected.Select(e => e.ChunkId), actual.Select(a => a.ChunkId));
        Assert.All(expected.Zip(actual), p => Assert.Equal(p.First.Score, p.Second.Score, 1e-4));
    }

    [Fact]
    public void A_query_of_the_wrong_size_is_rejected()
    {
        var index = new ExactVectorIndex(new float[8], [1, 2], 4);
        Assert.Contains("3 dimensions", Assert.Throws<ArgumentException>(() => index.Search(new float[3], 1)).Message);
    }

    [Fact]
    public void Chunk_ids_out_of_order_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new ExactVectorIndex(new float[12], [1, 3, 2], 4));
        Assert.Contains("ascending", error.Message);
    }

    [Fact]
    public void An_empty_index_returns_nothing()
    {
        Assert.Empty(new ExactVectorIndex([], [], 4).Search(new float[4], 5));
    }
}
