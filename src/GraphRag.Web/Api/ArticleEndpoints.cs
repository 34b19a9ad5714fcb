using GraphRag.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GraphRag.Web.Api;

/// <summary>Articles and chunks by id. Offsets are UTF-16 code units into the article's text (JavaScript string indices).</summary>
public static class ArticleEndpoints
{
    public sealed record ArticleSummary(long Id, string Title, string? Source, string? Author, string? Published, string File, int Characters);

    public sealed record ChunkSpan(long Id, int Ordinal, string HeadingPath, int StartOffset, int EndOffset);

    public sealed record ArticleResponse(long Id, string Title, string? Source, string? Author, string? Published, string File,
        string Text, IReadOnlyList<ChunkSpan> Chunks);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/articles", (ArticleStore store) =>
                TypedResults.Ok(store.ListArticles()
                    .Select(a => new ArticleSummary(a.Id, a.Title, a.Source, a.Author, a.Published, Path.GetFileName(a.SourcePath), a.Text.Length))
                    .ToList()))
            .WithName("ListArticles")
            .WithSummary("Every article, without its text");

        api.MapGet("/articles/{id:long}", Results<Ok<ArticleResponse>, ProblemHttpResult> (long id, ArticleStore store) =>
            {
                if (store.GetArticle(id) is not { } a)
                    return ApiProblems.NotFound($"No article has id {id}.");
                var chunks = store.ChunksOf(id).Select(c => new ChunkSpan(c.Id, c.Ordinal, c.HeadingPath, c.StartOffset, c.EndOffset)).ToList();
                return TypedResults.Ok(new ArticleResponse(a.Id, a.Title, a.Source, a.Author, a.Published, Path.GetFileName(a.SourcePath), a.Text, chunks));
            })
            .WithName("GetArticle")
            .WithSummary("An article's cleaned text and where each chunk sits in it");

        api.MapGet("/chunks/{id:long}", Results<Ok<StoredChunk>, ProblemHttpResult> (long id, ArticleStore store) =>
                store.GetChunk(id) is { } chunk ? TypedResults.Ok(chunk) : ApiProblems.NotFound($"No chunk has id {id}."))
            .WithName("GetChunk")
            .WithSummary("One chunk: its text and offsets in its article");
    }
}
