using GraphRag.Graph.Communities;
using GraphRag.Graph.Model;
using GraphRag.Graph.Store;
using GraphRag.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GraphRag.Web.Api;

/// <summary>
/// The knowledge graph: find entities, one entity with its relations and evidence, its
/// neighbourhood as nodes and edges to draw, the entities of an article, and communities.
/// Entity keys travel as a query parameter (?key=…): they are names and may hold any character.
/// Every endpoint answers 503 when no graph is configured.
/// </summary>
public static class GraphEndpoints
{
    public const int MaxHops = 3;
    public const int MaxNodes = 200;

    public sealed record EntityMatch(string Key, string Name, string Type, int Chunks);

    public sealed record GraphNode(string Key, string Name, string Type, int Distance);

    public sealed record GraphEdge(string Source, string Target, string Type, int Weight);

    public sealed record Neighbourhood(string Center, IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges);

    public sealed record ArticleEntity(string Key, string Name, string Type, int Mentions);

    /// <summary>Column arrays, one entry per entity: indexes into <see cref="WholeGraph.Types"/> and community ids (0: none).</summary>
    public sealed record NodeColumns(IReadOnlyList<string> Key, IReadOnlyList<string> Name, IReadOnlyList<int> Type, IReadOnlyList<int> Community,
        IReadOnlyList<int> Chunks);

    /// <summary>Column arrays, one entry per relation: node indexes, an index into <see cref="WholeGraph.RelationTypes"/>, the evidence count.</summary>
    public sealed record EdgeColumns(IReadOnlyList<int> Source, IReadOnlyList<int> Target, IReadOnlyList<int> Type, IReadOnlyList<int> Weight);

    public sealed record CommunityLabel(int Id, string Label);

    /// <summary>The whole graph in a compact form for the explorer: columns, not an object per node (tens of thousands of entities).</summary>
    public sealed record WholeGraph(IReadOnlyList<string> Types, IReadOnlyList<string> RelationTypes, IReadOnlyList<CommunityLabel> Communities,
        NodeColumns Nodes, EdgeColumns Edges);

    public sealed record EntityMention(long ArticleId, string Title, long ChunkId, string HeadingPath, int Mentions);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/graph/export", async Task<Results<Ok<WholeGraph>, ProblemHttpResult>> (IServiceProvider services, CancellationToken ct) =>
                Store(services) is { } store
                    ? TypedResults.Ok(Whole(await store.LoadSnapshotAsync(ct), services.GetService<CommunityBuilder>()))
                    : NoGraph())
            .WithName("ExportGraph")
            .WithSummary("Every entity (key, name, type, community, passages) and relation (ends, type, weight) as column arrays, for the explorer");

        api.MapGet("/entity/mentions", async Task<Results<Ok<List<EntityMention>>, ProblemHttpResult>> (string? key, ArticleStore articles,
                IServiceProvider services, CancellationToken ct) =>
            {
                if (Store(services) is not { } store)
                    return NoGraph();
                var entity = RequireKey(key);
                var snapshot = await store.LoadSnapshotAsync(ct);
                var edges = snapshot.EntityChunks.Where(e => e.EntityKey == entity).ToList();
                var passages = articles.Passages(edges.Select(e => e.ChunkId).ToList());
                return TypedResults.Ok(edges.Where(e => passages.ContainsKey(e.ChunkId))
                    .Select(e => new EntityMention(passages[e.ChunkId].ArticleId, passages[e.ChunkId].Title, e.ChunkId, passages[e.ChunkId].HeadingPath, e.Mentions))
                    .OrderByDescending(m => m.Mentions).ThenBy(m => m.ChunkId)
                    .Take(MaxNodes)
                    .ToList());
            })
            .WithName("GetEntityMentions")
            .WithSummary("The passages that name an entity, most mentions first");

        api.MapGet("/graph/stats", async Task<Results<Ok<GraphStatistics>, ProblemHttpResult>> (IServiceProvider services, CancellationToken ct) =>
                Store(services) is { } store ? TypedResults.Ok(await store.GetStatisticsAsync(ct)) : NoGraph())
            .WithName("GraphStatistics");

        api.MapGet("/entities", async Task<Results<Ok<List<EntityMatch>>, ProblemHttpResult>> (string? q, int? limit, IServiceProvider services,
                CancellationToken ct) =>
            {
                if (Store(services) is not { } store)
                    return NoGraph();
                if (string.IsNullOrWhiteSpace(q))
                    throw new ArgumentException("Give part of an entity's name as ?q=….");
                var snapshot = await store.LoadSnapshotAsync(ct);
                var chunks = ChunkCounts(snapshot);
                var needle = q.Trim();
                var matches = snapshot.Entities
                    .Select(e => (Entity: e, Fit: Fit(e, needle)))
                    .Where(m => m.Fit > 0)
                    .OrderByDescending(m => m.Fit).ThenByDescending(m => chunks.GetValueOrDefault(m.Entity.Key)).ThenBy(m => m.Entity.Name)
                    .Take(Math.Clamp(limit ?? 20, 1, MaxNodes))
                    .Select(m => new EntityMatch(m.Entity.Key, m.Entity.Name, m.Entity.Type, chunks.GetValueOrDefault(m.Entity.Key)))
                    .ToList();
                return TypedResults.Ok(matches);
            })
            .WithName("FindEntities")
            .WithSummary("Entities whose name or alias contains q: exact matches first, then the most mentioned");

        api.MapGet("/entity", async Task<Results<Ok<EntityDetail>, ProblemHttpResult>> (string? key, int? neighbours, IServiceProvider services,
                CancellationToken ct) =>
            {
                if (Store(services) is not { } store)
                    return NoGraph();
                var detail = await store.GetEntityAsync(RequireKey(key), Math.Clamp(neighbours ?? 30, 1, MaxNodes), ct);
                return detail is null ? ApiProblems.NotFound($"No entity has the key '{key}'.") : TypedResults.Ok(detail);
            })
            .WithName("GetEntity")
            .WithSummary("An entity, its aliases and its related entities with supporting sentences");

        api.MapGet("/entity/neighbourhood", async Task<Results<Ok<Neighbourhood>, ProblemHttpResult>> (string? key, int? hops, int? limit,
                IServiceProvider services, CancellationToken ct) =>
            {
                if (Store(services) is not { } store)
                    return NoGraph();
                var center = RequireKey(key);
                var steps = hops ?? 2;
                if (steps < 1 || steps > MaxHops)
                    throw new ArgumentException($"hops must be between 1 and {MaxHops} (got {steps}).");
                var entries = await store.GetNeighbourhoodAsync(center, steps, Math.Clamp(limit ?? 40, 1, MaxNodes), ct);
                var snapshot = await store.LoadSnapshotAsync(ct);
                var entities = snapshot.Entities.ToDictionary(e => e.Key);
                if (!entities.TryGetValue(center, out var centerEntity))
                    return ApiProblems.NotFound($"No entity has the key '{center}'.");
                var nodes = new List<GraphNode> { new(center, centerEntity.Name, centerEntity.Type, 0) };
                nodes.AddRange(entries.Where(e => e.Key != center)
                    .Select(e => new GraphNode(e.Key, e.Name, entities.GetValueOrDefault(e.Key)?.Type ?? "", e.Distance)));
                var inside = nodes.Select(n => n.Key).ToHashSet();
                var edges = snapshot.Relations
                    .Where(r => inside.Contains(r.SourceKey) && inside.Contains(r.TargetKey) && r.SourceKey != r.TargetKey)
                    .Select(r => new GraphEdge(r.SourceKey, r.TargetKey, r.Type, r.Weight))
                    .ToList();
                return TypedResults.Ok(new Neighbourhood(center, nodes, edges));
            })
            .WithName("GetNeighbourhood")
            .WithSummary("Entities within a few relations of one entity, and the relations between them, to draw as a graph");

        api.MapGet("/articles/{id:long}/entities", async Task<Results<Ok<List<ArticleEntity>>, ProblemHttpResult>> (long id, ArticleStore articles,
                IServiceProvider services, CancellationToken ct) =>
            {
                if (Store(services) is not { } store)
                    return NoGraph();
                var chunkIds = articles.ChunksOf(id).Select(c => c.Id).ToHashSet();
                if (chunkIds.Count == 0 && articles.GetArticle(id) is null)
                    return ApiProblems.NotFound($"No article has id {id}.");
                var snapshot = await store.LoadSnapshotAsync(ct);
                var entities = snapshot.Entities.ToDictionary(e => e.Key);
                var mentioned = snapshot.EntityChunks
                    .Where(edge => chunkIds.Contains(edge.ChunkId) && entities.ContainsKey(edge.EntityKey))
                    .GroupBy(edge => edge.EntityKey)
                    .Select(g => new ArticleEntity(g.Key, entities[g.Key].Name, entities[g.Key].Type, g.Sum(edge => edge.Mentions)))
                    .OrderByDescending(e => e.Mentions).ThenBy(e => e.Name)
                    .ToList();
                return TypedResults.Ok(mentioned);
            })
            .WithName("GetArticleEntities")
            .WithSummary("The entities an article mentions, most mentioned first");

        api.MapGet("/communities", async Task<Results<Ok<IReadOnlyList<Community>>, ProblemHttpResult>> (int? minSize, int? max,
                IServiceProvider services, CancellationToken ct) =>
                services.GetService<CommunityFinder>() is { } finder
                    ? TypedResults.Ok(await finder.FindAsync(Math.Max(minSize ?? 3, 2), Math.Clamp(max ?? 20, 1, MaxNodes), ct))
                    : NoGraph())
            .WithName("ListCommunities")
            .WithSummary("Groups of entities more connected to each other than to the rest, each with a short extractive summary");
    }

    internal static WholeGraph Whole(GraphSnapshot snapshot, CommunityBuilder? communities)
    {
        var index = new Dictionary<string, int>(snapshot.Entities.Count);
        foreach (var entity in snapshot.Entities)
            index[entity.Key] = index.Count;
        var types = snapshot.Entities.Select(e => e.Type).Distinct().Order(StringComparer.Ordinal).ToList();
        var typeIndex = types.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i);
        var relations = snapshot.Relations.Where(r => r.SourceKey != r.TargetKey && index.ContainsKey(r.SourceKey) && index.ContainsKey(r.TargetKey)).ToList();
        var relationTypes = relations.Select(r => r.Type).Distinct().Order(StringComparer.Ordinal).ToList();
        var relationIndex = relationTypes.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i);
        var communityOf = communities?.CommunityOfEntities() ?? new Dictionary<string, int>();
        var labels = communities?.Load().Select(c => new CommunityLabel(c.Id, c.Label)).ToList() ?? [];
        var chunks = ChunkCounts(snapshot);
        return new WholeGraph(types, relationTypes, labels,
            new NodeColumns(
                snapshot.Entities.Select(e => e.Key).ToList(),
                snapshot.Entities.Select(e => e.Name).ToList(),
                snapshot.Entities.Select(e => typeIndex[e.Type]).ToList(),
                snapshot.Entities.Select(e => communityOf.GetValueOrDefault(e.Key)).ToList(),
                snapshot.Entities.Select(e => chunks.GetValueOrDefault(e.Key)).ToList()),
            new EdgeColumns(
                relations.Select(r => index[r.SourceKey]).ToList(),
                relations.Select(r => index[r.TargetKey]).ToList(),
                relations.Select(r => relationIndex[r.Type]).ToList(),
                relations.Select(r => r.Weight).ToList()));
    }

    private static IGraphStore? Store(IServiceProvider services) => services.GetService<IGraphStore>();

    private static ProblemHttpResult NoGraph() =>
        ApiProblems.Unavailable("No knowledge graph is configured on this server (GraphRag:Graph).");

    private static string RequireKey(string? key) =>
        string.IsNullOrWhiteSpace(key) ? throw new ArgumentException("Give the entity's key as ?key=….") : key;

    private static Dictionary<string, int> ChunkCounts(GraphSnapshot snapshot) =>
        snapshot.EntityChunks.GroupBy(e => e.EntityKey).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>3: the name or an alias is the query; 2: starts with it; 1: contains it; 0: no match.</summary>
    private static int Fit(GraphEntity entity, string needle) =>
        entity.Aliases.Append(entity.Name).Append(entity.Key)
            .Select(name => name.Equals(needle, StringComparison.OrdinalIgnoreCase) ? 3
                : name.StartsWith(needle, StringComparison.OrdinalIgnoreCase) ? 2
                : name.Contains(needle, StringComparison.OrdinalIgnoreCase) ? 1 : 0)
            .Max();
}
