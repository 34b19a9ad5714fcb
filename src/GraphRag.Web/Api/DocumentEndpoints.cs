using System.Text;
using GraphRag.Claims;
using GraphRag.Graph.Store;
using GraphRag.Ingest;
using GraphRag.Store;
using GraphRag.Web.Ingestion;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GraphRag.Web.Api;

/// <summary>
/// The document manager: every article with its file, status, sizes and what was derived from it;
/// delete (the article's whole source file, since re-reading the file would bring the article back),
/// re-ingest (a job that forgets the file, then reads it again) and the cleaned text as a download.
/// </summary>
public static class DocumentEndpoints
{
    /// <summary>The article's file is where it was read from.</summary>
    public const string Present = "ingested";

    /// <summary>The file has gone since: its articles stay until deleted here or pruned.</summary>
    public const string FileMissing = "file missing";

    /// <summary>Articles written under a named source (a benchmark's), not from a file.</summary>
    public const string NoFile = "no file";

    /// <param name="Entities">Entities mentioned in the article; null when no graph is configured.</param>
    public sealed record DocumentRow(long Id, string Title, string File, string Path, string Status, long Characters, long? FileBytes,
        long Chunks, int? Entities, int Claims, int FlaggedClaims, string IngestedAt);

    public sealed record Removed(string Source, int Articles);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/documents", async (ArticleStore store, IServiceProvider services, CancellationToken ct) =>
            {
                var listings = store.ListArticleListings();
                var entities = await EntitiesPerArticle(store, services.GetService<IGraphStore>(), ct);
                var claims = store.ListArticles().ToDictionary(a => a.Id, a => ClaimChecker.CheckAll(a.Text));
                return TypedResults.Ok(listings.Select(a => new DocumentRow(a.Id, a.Title, System.IO.Path.GetFileName(a.SourcePath), a.SourcePath,
                        a.FileBytes is null ? NoFile : File.Exists(a.SourcePath) ? Present : FileMissing,
                        a.Characters, a.FileBytes, a.Chunks, entities?.GetValueOrDefault(a.Id) ?? (entities is null ? null : 0),
                        claims[a.Id].Count, claims[a.Id].Count(c => c.IsFlagged), a.IngestedAt))
                    .ToList());
            })
            .WithName("ListDocuments")
            .WithSummary("Every article with its file, status, sizes, chunks, entities, claims and when it was ingested");

        api.MapDelete("/articles/{id:long}", async Task<Results<Ok<Removed>, ProblemHttpResult>> (long id, ArticleStore store,
                IngestionPipeline pipeline, CancellationToken ct) =>
            {
                if (store.GetArticle(id) is not { } article)
                    return ApiProblems.NotFound($"No article has id {id}.");
                var summary = await pipeline.ForgetAsync([article.SourcePath], ct);
                return TypedResults.Ok(new Removed(article.SourcePath, summary.ArticlesRemoved));
            })
            .WithName("DeleteArticle")
            .WithSummary("Forget the article's source file and every article read from it (the file itself stays on disk)");

        api.MapPost("/articles/{id:long}/reingest", Results<AcceptedAtRoute<JobSnapshot>, ProblemHttpResult> (long id, ArticleStore store,
                IngestionJobs jobs) =>
            {
                if (store.GetArticle(id) is not { } article)
                    return ApiProblems.NotFound($"No article has id {id}.");
                if (!File.Exists(article.SourcePath))
                    return ApiProblems.Conflict($"{article.SourcePath}: the file is no longer there to read again; delete the article instead.");
                var job = jobs.Start($"re-ingest: {System.IO.Path.GetFileName(article.SourcePath)}", SourceFiles.Expand([article.SourcePath]), prune: false, replace: true);
                return TypedResults.AcceptedAtRoute(job.Snapshot(), "GetIngestionJob", new { id = job.Id });
            })
            .WithName("ReingestArticle")
            .WithSummary("Read the article's source file again from scratch, as an ingestion job");

        api.MapGet("/articles/{id:long}/text", Results<FileContentHttpResult, ProblemHttpResult> (long id, ArticleStore store) =>
                store.GetArticle(id) is { } article
                    ? TypedResults.File(Encoding.UTF8.GetBytes(article.Text), "text/plain; charset=utf-8", $"{FileName(article.Title)}.txt")
                    : ApiProblems.NotFound($"No article has id {id}."))
            .WithName("DownloadArticleText")
            .WithSummary("The article's cleaned text (what was chunked and indexed) as a plain-text download");
    }

    private static async Task<Dictionary<long, int>?> EntitiesPerArticle(ArticleStore store, IGraphStore? graph, CancellationToken ct)
    {
        if (graph is null)
            return null;
        var snapshot = await graph.LoadSnapshotAsync(ct);
        var articleOf = store.ArticleOfChunks();
        return snapshot.EntityChunks
            .Where(edge => articleOf.ContainsKey(edge.ChunkId))
            .GroupBy(edge => articleOf[edge.ChunkId])
            .ToDictionary(g => g.Key, g => g.Select(edge => edge.EntityKey).Distinct().Count());
    }

    /// <summary>A download name from a title: letters, digits and dashes only.</summary>
    internal static string FileName(string title)
    {
        var name = new string(title.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());
        name = string.Join('-', name.Split('-', StringSplitOptions.RemoveEmptyEntries));
        return name.Length == 0 ? "article" : name[..Math.Min(name.Length, 80)];
    }
}
