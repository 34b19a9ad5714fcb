namespace GraphRag.Graph.Communities;

/// <summary>
/// Louvain community detection (Blondel et al., 2008) on a weighted undirected graph: move nodes to
/// the neighbouring community with the largest modularity gain until none helps, collapse
/// communities into nodes, repeat. Deterministic: nodes are visited in index order.
/// </summary>
public static class Louvain
{
    /// <param name="edges">Undirected edges (a, b, weight); a == b adds a self-loop.</param>
    /// <returns>A community number per node, numbered 0.. by first appearance.</returns>
    public static int[] Detect(int nodeCount, IEnumerable<(int A, int B, double Weight)> edges)
    {
        var level = new Level(nodeCount);
        foreach (var (a, b, w) in edges)
            level.Add(a, b, w);
        var membership = Enumerable.Range(0, nodeCount).ToArray();
        while (true)
        {
            var communities = level.MoveNodes(out var moved);
            if (!moved)
                break;
            var (renumbered, count) = Renumber(communities);
            for (var i = 0; i < membership.Length; i++)
                membership[i] = renumbered[membership[i]];
            level = level.Collapse(renumbered, count);
        }
        return Renumber(membership).Labels;
    }

    /// <summary>Modularity Q of a partition (Newman 2004), for tests and reports.</summary>
    public static double Modularity(int nodeCount, IReadOnlyList<(int A, int B, double Weight)> edges, int[] communities)
    {
        var degree = new double[nodeCount];
        double m = 0, inside = 0;
        foreach (var (a, b, w) in edges)
        {
            degree[a] += w;
            degree[b] += w;
            m += w;
            if (communities[a] == communities[b])
                inside += w;
        }
        if (m == 0)
            return 0;
        var totals = new Dictionary<int, double>();
        for (var i = 0; i < nodeCount; i++)
            totals[communities[i]] = totals.GetValueOrDefault(communities[i]) + degree[i];
        return inside / m - totals.Values.Sum(t => t * t) / (4 * m * m);
    }

    private static (int[] Labels, int Count) Renumber(int[] communities)
    {
        var map = new Dictionary<int, int>();
        var labels = new int[communities.Length];
        for (var i = 0; i < communities.Length; i++)
        {
            if (!map.TryGetValue(communities[i], out var label))
                map[communities[i]] = label = map.Count;
            labels[i] = label;
        }
        return (labels, map.Count);
    }

    private sealed class Level(int nodeCount)
    {
        private readonly Dictionary<int, double>[] _adjacent = Enumerable.Range(0, nodeCount).Select(_ => new Dictionary<int, double>()).ToArray();
        private readonly double[] _selfLoops = new double[nodeCount];

        public void Add(int a, int b, double w)
        {
            if (a == b)
            {
                _selfLoops[a] += w;
                return;
            }
            _adjacent[a][b] = _adjacent[a].GetValueOrDefault(b) + w;
            _adjacent[b][a] = _adjacent[b].GetValueOrDefault(a) + w;
        }

        public int[] MoveNodes(out bool movedAny)
        {
            var degree = new double[nodeCount];
            double twoM = 0;
            for (var i = 0; i < nodeCount; i++)
            {
                degree[i] = _adjacent[i].Values.Sum() + 2 * _selfLoops[i];
                twoM += degree[i];
            }
            var community = Enumerable.Range(0, nodeCount).ToArray();
            var total = (double[])degree.Clone();
            movedAny = false;
            if (twoM == 0)
                return community;
            var weightTo = new Dictionary<int, double>();
            for (var pass = 0; pass < 100; pass++)
            {
                var moved = false;
                for (var i = 0; i < nodeCount; i++)
                {
                    var current = community[i];
                    weightTo.Clear();
                    foreach (var (j, w) in _adjacent[i])
                        weightTo[community[j]] = weightTo.GetValueOrDefault(community[j]) + w;
                    total[current] -= degree[i];
                    var best = current;
                    var bestGain = weightTo.GetValueOrDefault(current) - total[current] * degree[i] / twoM;
                    foreach (var (c, w) in weightTo)
                    {
                        var gain = w - total[c] * degree[i] / twoM;
                        if (gain > bestGain + 1e-12 || (Math.Abs(gain - bestGain) <= 1e-12 && c < best))
                        {
                            best = c;
                            bestGain = gain;
                        }
                    }
                    total[best] += degree[i];
                    if (best != current)
                    {
                        community[i] = best;
                        moved = movedAny = true;
                    }
                }
                if (!moved)
                    break;
            }
            return community;
        }

        public Level Collapse(int[] communityOf, int count)
        {
            var next = new Level(count);
            for (var i = 0; i < nodeCount; i++)
            {
                next._selfLoops[communityOf[i]] += _selfLoops[i];
                foreach (var (j, w) in _adjacent[i])
                {
                    if (j < i)
                        continue;
                    next.Add(communityOf[i], communityOf[j], w);
                }
            }
            return next;
        }
    }
}
