using GraphRag.Graph.Store;

namespace GraphRag.Graph.Retrieve;

/// <summary>
/// The snapshot as an undirected weighted graph in CSR form: nodes 0..E-1 are entities, E.. are
/// chunks. Entity–chunk edges weigh the mention count; entity–entity edges the relation's
/// evidence count (typed relations count double: the text states them).
/// </summary>
public sealed class GraphIndex
{
    public GraphIndex(GraphSnapshot snapshot)
    {
        Snapshot = snapshot;
        EntityKeys = snapshot.Entities.Select(e => e.Key).ToArray();
        EntityIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < EntityKeys.Length; i++)
            EntityIndex[EntityKeys[i]] = i;
        ChunkIds = snapshot.EntityChunks.Select(e => e.ChunkId).Distinct().Order().ToArray();
        ChunkIndex = new Dictionary<long, int>();
        for (var i = 0; i < ChunkIds.Length; i++)
            ChunkIndex[ChunkIds[i]] = EntityKeys.Length + i;

        var edges = new List<(int A, int B, double W)>();
        foreach (var e in snapshot.EntityChunks)
            if (EntityIndex.TryGetValue(e.EntityKey, out var a))
                edges.Add((a, ChunkIndex[e.ChunkId], e.Mentions));
        foreach (var r in snapshot.Relations)
            if (EntityIndex.TryGetValue(r.SourceKey, out var a) && EntityIndex.TryGetValue(r.TargetKey, out var b) && a != b)
                edges.Add((a, b, r.Weight * (r.Type == Model.RelationTypes.CoOccurs ? 1.0 : 2.0)));

        NodeCount = EntityKeys.Length + ChunkIds.Length;
        Offsets = new int[NodeCount + 1];
        foreach (var (a, b, _) in edges)
        {
            Offsets[a + 1]++;
            Offsets[b + 1]++;
        }
        for (var i = 0; i < NodeCount; i++)
            Offsets[i + 1] += Offsets[i];
        Neighbours = new int[Offsets[NodeCount]];
        Weights = new double[Offsets[NodeCount]];
        var fill = Offsets[..NodeCount];
        foreach (var (a, b, w) in edges)
        {
            Neighbours[fill[a]] = b; Weights[fill[a]++] = w;
            Neighbours[fill[b]] = a; Weights[fill[b]++] = w;
        }
        EntityChunkCount = new int[EntityKeys.Length];
        for (var i = 0; i < EntityKeys.Length; i++)
            for (var k = Offsets[i]; k < Offsets[i + 1]; k++)
                if (Neighbours[k] >= EntityKeys.Length)
                    EntityChunkCount[i]++;
    }

    public GraphSnapshot Snapshot { get; }
    public string[] EntityKeys { get; }
    public Dictionary<string, int> EntityIndex { get; }
    public long[] ChunkIds { get; }
    public Dictionary<long, int> ChunkIndex { get; }
    public int NodeCount { get; }
    public int[] Offsets { get; }
    public int[] Neighbours { get; }
    public double[] Weights { get; }

    /// <summary>Chunks each entity is mentioned in: the inverse of an entity's specificity.</summary>
    public int[] EntityChunkCount { get; }

    public bool IsChunk(int node) => node >= EntityKeys.Length;
}
