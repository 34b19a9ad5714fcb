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

    public static void Map(RouteGroupBuilder api)
    {
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
