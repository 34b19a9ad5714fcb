namespace GraphRag.Graph.Retrieve;

/// <summary>
/// Personalized PageRank by power iteration on a weighted undirected graph:
/// r = (1 − d)·p + d·Wᵀr, with W the row-normalised weights and p the personalization vector; the
/// mass of nodes without edges returns to p. d is the probability of following an edge (HippoRAG
/// uses 0.5).
/// </summary>
public static class PersonalizedPageRank
{
    public static double[] Run(GraphIndex graph, double[] personalization, double damping = 0.5, double tolerance = 1e-8, int maxIterations = 100)
    {
        var n = graph.NodeCount;
        if (personalization.Length != n)
            throw new ArgumentException($"personalization has {personalization.Length} entries for {n} nodes");
        var total = personalization.Sum();
        if (total <= 0)
            return new double[n];
        var p = personalization.Select(v => v / total).ToArray();
        var strength = new double[n];
        for (var i = 0; i < n; i++)
            for (var k = graph.Offsets[i]; k < graph.Offsets[i + 1]; k++)
                strength[i] += graph.Weights[k];

        var rank = (double[])p.Clone();
        var next = new double[n];
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            Array.Clear(next);
            var dangling = 0.0;
            for (var i = 0; i < n; i++)
            {
                if (rank[i] == 0)
                    continue;
                if (strength[i] == 0)
                {
                    dangling += rank[i];
                    continue;
                }
                var share = damping * rank[i] / strength[i];
                for (var k = graph.Offsets[i]; k < graph.Offsets[i + 1]; k++)
                    next[graph.Neighbours[k]] += share * graph.Weights[k];
            }
            var restart = 1 - damping + damping * dangling;
            var change = 0.0;
            for (var i = 0; i < n; i++)
            {
                next[i] += restart * p[i];
                change += Math.Abs(next[i] - rank[i]);
            }
            (rank, next) = (next, rank);
            if (change < tolerance)
                break;
        }
        return rank;
    }
}
