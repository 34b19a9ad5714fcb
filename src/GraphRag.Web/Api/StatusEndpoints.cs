using GraphRag.Graph.Store;
using GraphRag.Retrieve;
using GraphRag.Store;
using GraphRag.Web.Ingestion;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.AI;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GraphRag.Web.Api;

/// <summary>GET /api/status: what this server holds and offers, so the page shows only what works.</summary>
public static class StatusEndpoints
{
    public sealed record StatusResponse(
        long Files,
        long Articles,
        long Chunks,
        IReadOnlyList<string> Modes,
        string DefaultMode,
        bool Generator,
        bool Graph,
        string Database,
        IReadOnlyList<string> IngestRoots);

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/status", (ArticleStore store, RetrievalModes modes, IngestRoots roots, IServiceProvider services) =>
            {
                var counts = store.Counts();
                return TypedResults.Ok(new StatusResponse(counts.Files, counts.Articles, counts.Chunks, modes.Available.Order().ToList(),
                    modes.DefaultMode, services.GetService<IChatClient>() is not null, services.GetService<IGraphStore>() is not null,
                    // The file's name only: where it lives on the server is none of a client's business.
                    Path.GetFileName(store.Database.Path), roots.Configured));
            })
            .WithName("Status")
            .WithSummary("Counts of files, articles and chunks; retrieval modes; whether a generator and a graph are configured; the folders the server may ingest");
}
