using System.Net.ServerSentEvents;
using GraphRag.Answer;
using GraphRag.Retrieve;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace GraphRag.Web.Api;

/// <summary>GET /api/search, POST /api/ask and POST /api/ask/stream (Server-Sent Events).</summary>
public static class SearchEndpoints
{
    public const int MaxTop = 100;

    public sealed record AskRequest(string? Question, string? Mode);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/search", async (string? q, int? top, string? mode, PassageSearch search, IOptions<GraphRagOptions> options,
                CancellationToken cancellationToken) =>
            {
                var k = top ?? options.Value.Retrieval.Top;
                if (k > MaxTop)
                    throw new QueryException($"top must be at most {MaxTop} (got {k}).");
                return TypedResults.Ok(await search.SearchAsync(q, k, mode, cancellationToken));
            })
            .WithName("Search")
            .WithSummary("Ranked passages for a query, each with why it was found (mode: lexical, dense, graph, hybrid)");

        api.MapPost("/ask", async (AskRequest request, IAnswerer answerer, CancellationToken cancellationToken) =>
                TypedResults.Ok(await answerer.AnswerToEndAsync(new Question(request.Question ?? "", request.Mode), cancellationToken)))
            .WithName("Ask")
            .WithSummary("An answer with numbered citations, and the passages it was drawn from");

        api.MapPost("/ask/stream", async (AskRequest request, IAnswerer answerer, CancellationToken cancellationToken) =>
                TypedResults.ServerSentEvents(await StreamAsync(answerer, new Question(request.Question ?? "", request.Mode), cancellationToken)))
            .WithName("AskStream")
            .WithSummary("The same answer as Server-Sent Events: passages, delta (generated text as written, with a generator), done");
    }

    /// <summary>
    /// Runs the answer up to its first event before the response starts, so a question that cannot
    /// be searched fails as a plain 400; the rest streams as "passages", "delta" and "done" events.
    /// </summary>
    private static async Task<IAsyncEnumerable<SseItem<object>>> StreamAsync(IAnswerer answerer, Question question, CancellationToken cancellationToken)
    {
        var steps = answerer.AnswerAsync(question, cancellationToken).GetAsyncEnumerator(cancellationToken);
        var first = await steps.MoveNextAsync();
        return Events(steps, first);
    }

    private static async IAsyncEnumerable<SseItem<object>> Events(IAsyncEnumerator<AnswerEvent> steps, bool hasCurrent)
    {
        await using var _ = steps;
        IReadOnlyList<SearchHit> passages = [];
        for (var more = hasCurrent; more; more = await steps.MoveNextAsync())
        {
            switch (steps.Current)
            {
                case PassagesFound found:
                    passages = found.Passages;
                    yield return new SseItem<object>(found.Passages, "passages");
                    break;
                case TextWritten written:
                    yield return new SseItem<object>(new { text = written.Text }, "delta");
                    break;
                case AnswerWarning warning:
                    yield return new SseItem<object>(new { message = warning.Message }, "warning");
                    break;
                case AnswerCompleted done:
                    yield return new SseItem<object>(new AnswerResult(done.Answer, passages), "done");
                    break;
            }
        }
    }
}
