namespace GraphRag.Bench.Foundation;

/// <summary>The search benchmarks' questions, and how each is timed.</summary>
public static class SearchLatency
{
    public static readonly string[] Queries =
    [
        "statistical significance p-value", "NDCG discounted cumulative gain", "how do SQL indexes work",
        "transformer attention heads", "knowledge graph entities", "relative risk bowel cancer", "learning data science",
        "k-means elbow method clusters", "GPU memory bandwidth", "what is a b-tree index", "precision recall ranking metric",
        "multiple comparisons false positives", "prompt engineering for code", "embedding vectors similarity",
        "positional encoding", "neutrinos faster than light", "confidence interval effect size", "batch normalization",
        "mean reciprocal rank", "self-attention queries keys values",
    ];

    /// <summary>Each query 5 times after one warm-up pass; sorted milliseconds.</summary>
    public static double[] Sample(Action<string> run)
    {
        foreach (var q in Queries) run(q);
        var samples = new List<double>();
        for (var round = 0; round < 5; round++)
            foreach (var q in Queries)
            {
                var start = System.Diagnostics.Stopwatch.GetTimestamp();
                run(q);
                samples.Add(System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        return samples.Order().ToArray();
    }
}
