using GraphRag.Retrieve;
using GraphRag.Web.Answering;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace GraphRag.Web.Api;

/// <summary>GET /api/search, POST /api/ask and POST /api/ask/stream (Server-Sent Events).</summary>
public static class SearchEndpoints
{
    public const int MaxTop = 100;

    public sealed record SearchResponse(string Mode, IReadOnlyList<SearchHit> Hits);

    public sealed record AskRequest(string? Question, string? Mode);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/search", async (string? q, int? top, string? mode, RetrieverCatalog catalog, IOptions<RetrievalOptions> options,
                CancellationToken cancellationToken) =>
            {
                var k = top ?? options.Value.Top;
                if (k > MaxTop)
                    throw new QueryException($"top must be at most {MaxTop} (got {k}).");
                var retriever = catalog.Get(mode);
                var hits = await retriever.SearchAsync(q ?? "", k, cancellationToken);
                return TypedResults.Ok(new SearchResponse(retriever.Mode, hits));
            })
            .WithName("Search")
            .WithSummary("Ranked passages for a query, each with why it was found (mode: lexical, dense, graph, hybrid)");

        api.MapPost("/ask", async (AskRequest request, AskService ask, CancellationToken cancellationToken) =>
                TypedResults.Ok(await ask.AskAsync(request.Question, request.Mode, cancellationToken)))
            .WithName("Ask")
            .WithSummary("An answer with numbered citations, and the passages it was drawn from");

        api.MapPost("/ask/stream", async (AskRequest request, AskService ask, CancellationToken cancellationToken) =>
                TypedResults.ServerSentEvents(await ask.StreamAsync(request.Question, request.Mode, cancellationToken)))
            .WithName("AskStream")
            .WithSummary("The same answer as Server-Sent Events: passages, delta (generated text as written, with a generator), done");
    }
}
