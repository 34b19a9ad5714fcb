using GraphRag.Graph.Model;
using GraphRag.Graph.Retrieve;
using GraphRag.Graph.Store;

namespace GraphRag.Graph.Tests.Retrieve;

public sealed class PersonalizedPageRankTests
{
    // Entities a, b, c (nodes 0–2) and chunks 1, 2 (nodes 3, 4). Undirected weights:
    // a–b 1 (co-occurrence), b–c 2 (typed relation, weight 1 doubled), a–chunk1 2, b–chunk1 1, b–chunk2 1, c–chunk2 1.
    private static readonly GraphIndex Graph = new(new GraphSnapshot(
        [new("a", "A", EntityTypes.Concept, []), new("b", "B", EntityTypes.Concept, []), new("c", "C", EntityTypes.Concept, [])],
        [new("a", 1, 2), new("b", 1, 1), new("b", 2, 1), new("c", 2, 1)],
        [new("a", "b", RelationTypes.CoOccurs, 1), new("b", "c", RelationTypes.IsA, 1)]));

    // Expected values: the closed form r = (1 − d)(I − d Pᵀ)⁻¹ p in R 4.2.2, with P the row-normalised
    // weight matrix above: solve(diag(5) - d * t(P), p) * (1 - d)  (script in the commit message of this test).
    [Theory]
    [InlineData(0.5, new[] { 1.0, 0, 0, 0, 0 }, new[] { 0.5849025974, 0.1493506494, 0.0350649351, 0.2099025974, 0.0207792208 })]
    [InlineData(0.85, new[] { 0.5, 0, 0.5, 0, 0 }, new[] { 0.2205953288, 0.2806998161, 0.2168282321, 0.1727229884, 0.1091536345 })]
    public void Power_iteration_matches_the_closed_form(double damping, double[] personalization, double[] expected)
    {
        var rank = PersonalizedPageRank.Run(Graph, personalization, damping, tolerance: 1e-12, maxIterations: 1000);
        for (var i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], rank[i], 8);
        Assert.Equal(1.0, rank.Sum(), 10);
    }

    [Fact]
    public void Graph_index_doubles_typed_relations_and_counts_chunks_per_entity()
    {
        Assert.Equal(5, Graph.NodeCount);
        Assert.Equal([1, 2, 1], Graph.EntityChunkCount);
        var b = Graph.EntityIndex["b"];
        var toC = Enumerable.Range(Graph.Offsets[b], Graph.Offsets[b + 1] - Graph.Offsets[b]).Single(k => Graph.Neighbours[k] == Graph.EntityIndex["c"]);
        Assert.Equal(2.0, Graph.Weights[toC]);
    }

    [Fact]
    public void An_empty_personalization_gives_no_mass()
    {
        Assert.All(PersonalizedPageRank.Run(Graph, new double[5]), v => Assert.Equal(0, v));
        Assert.Throws<ArgumentException>(() => PersonalizedPageRank.Run(Graph, new double[4]));
    }
}
