using GraphRag.Graph.Communities;

namespace GraphRag.Graph.Tests.Communities;

public sealed class LouvainTests
{
    private static List<(int, int, double)> Clique(int first, int size) =>
        [.. from i in Enumerable.Range(first, size) from j in Enumerable.Range(first, size) where i < j select (i, j, 1.0)];

    [Fact]
    public void Two_cliques_joined_by_one_edge_are_two_communities()
    {
        var edges = Clique(0, 4).Concat(Clique(4, 4)).Append((3, 4, 1.0)).ToList();
        var labels = Louvain.Detect(8, edges);
        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 1], labels);
        // m = 13; each side has 6 inner edges and degree sum 13: Q = 12/13 − 2·13²/(4·13²) = 0.4230769…
        Assert.Equal(12.0 / 13 - 0.5, Louvain.Modularity(8, edges, labels), 12);
    }

    [Fact]
    public void A_ring_of_six_five_cliques_splits_into_the_cliques()
    {
        var edges = Enumerable.Range(0, 6).SelectMany(c => Clique(c * 5, 5))
            .Concat(Enumerable.Range(0, 6).Select(c => (c * 5, ((c + 1) % 6) * 5 + 1, 1.0))).ToList();
        var labels = Louvain.Detect(30, edges);
        Assert.Equal(6, labels.Distinct().Count());
        Assert.All(Enumerable.Range(0, 6), c => Assert.Single(labels.Skip(c * 5).Take(5).Distinct()));
        // m = 66; each clique: 10 inner edges, degree sum 22: Q = 60/66 − 6·22²/(4·66²) = 0.7424242…
        Assert.Equal(60.0 / 66 - 6 * 484.0 / (4 * 66 * 66), Louvain.Modularity(30, edges, labels), 12);
    }

    [Fact]
    public void Isolated_nodes_stay_alone()
    {
        Assert.Equal([0, 1, 2], Louvain.Detect(3, []));
    }
}
