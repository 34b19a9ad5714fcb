using System.Text.Json;
using GraphRag.Graph.Communities;
using GraphRag.Graph.Model;
using GraphRag.Graph.Store;
using GraphRag.Store;
using GraphRag.Web.Ingestion;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GraphRag.Web.Api;

/// <summary>
/// GET /api/overview: what the notes contain, for the landing page: counts, topics (the stored
/// communities with their main articles), the latest ingests, the latest evaluation and questions
/// drawn from the notes. Every part comes from the database or the reports folder; nothing is generated.
/// </summary>
public static class OverviewEndpoints
{
    private const int Topics = 8;
    private const int Recent = 6;
    private const int Suggestions = 6;

    public sealed record Counts(long Files, long Articles, long Chunks, int? Entities, int? Relations, int? Communities);

    public sealed record TopicArticle(long Id, string Title);

    public sealed record Topic(int Id, string Title, int Size, IReadOnlyList<string> Entities, IReadOnlyList<TopicArticle> Articles, string? Summary);

    public sealed record RecentArticle(long Id, string Title, string File, string IngestedAt);

    public sealed record ModeScore(string Mode, double? Ndcg10, double? Recall10, double? Mrr);

    public sealed record EvaluationSummary(string Name, string Url, string? Dataset, int? Queries, string? CreatedUtc, IReadOnlyList<ModeScore> Modes);

    public sealed record Overview(
        Counts Counts,
        IReadOnlyList<Topic> Topics,
        IReadOnlyList<RecentArticle> Recent,
        IReadOnlyList<JobSnapshot> Jobs,
        EvaluationSummary? Evaluation,
        IReadOnlyList<string> Suggestions);

    public static void Map(RouteGroupBuilder api, WebAppOptions options)
    {
        var reports = Path.GetFullPath(options.ReportsDirectory);
        api.MapGet("/overview", async (ArticleStore store, IngestionJobs jobs, IServiceProvider services, CancellationToken ct) =>
            {
                var counts = store.Counts();
                var articles = store.ListArticleListings();
                var graph = services.GetService<IGraphStore>();
                var finder = services.GetService<CommunityFinder>();
                GraphStatistics? statistics = graph is null ? null : await graph.GetStatisticsAsync(ct);
                var communities = finder is null ? [] : await finder.FindAsync(2, Topics, ct);
                var snapshot = graph is null ? GraphSnapshot.Empty : await graph.LoadSnapshotAsync(ct);
                var byTitle = articles.GroupBy(a => a.Title).ToDictionary(g => g.Key, g => g.First().Id);
                var topics = communities.Select(c => new Topic(c.Id, c.Title, c.Size, c.Entities.Take(8).ToList(),
                        (c.Articles ?? []).Where(byTitle.ContainsKey).Select(t => new TopicArticle(byTitle[t], t)).ToList(), c.Summary.FirstOrDefault()))
                    .ToList();
                var recent = articles.OrderByDescending(a => a.IngestedAt, StringComparer.Ordinal).ThenByDescending(a => a.Id).Take(Recent)
                    .Select(a => new RecentArticle(a.Id, a.Title, Path.GetFileName(a.SourcePath), a.IngestedAt)).ToList();
                return TypedResults.Ok(new Overview(
                    new Counts(counts.Files, counts.Articles, counts.Chunks, statistics?.Entities, statistics?.Relations, finder is null ? null : communities.Count),
                    topics,
                    recent,
                    jobs.List().Take(3).ToList(),
                    LatestEvaluation(reports),
                    SuggestedQuestions(snapshot, communities, articles)));
            })
            .WithName("Overview")
            .WithSummary("What the notes contain: counts, topics, recent ingests, the latest evaluation, suggested questions");
    }

    /// <summary>
    /// Questions the notes can answer: the best-supported stated relations ("How is X related to Y?"),
    /// then each main topic's most salient entity; without a graph, the newest articles' titles.
    /// </summary>
    internal static IReadOnlyList<string> SuggestedQuestions(GraphSnapshot snapshot, IReadOnlyList<Community> communities,
        IReadOnlyList<ArticleStore.ArticleListing> articles)
    {
        var names = snapshot.Entities.ToDictionary(e => e.Key, e => e.Name);
        var questions = snapshot.Relations
            .Where(r => r.Type != RelationTypes.CoOccurs && r.SourceKey != r.TargetKey && names.ContainsKey(r.SourceKey) && names.ContainsKey(r.TargetKey))
            .OrderByDescending(r => r.Weight).ThenBy(r => r.SourceKey, StringComparer.Ordinal)
            .Select(r => $"How is {names[r.SourceKey]} related to {names[r.TargetKey]}?")
            .Distinct()
            .Take(Suggestions / 2)
            .ToList();
        questions.AddRange(communities.Where(c => c.Entities.Count > 0).Select(c => $"What do my notes say about {c.Entities[0]}?"));
        questions.AddRange(articles.OrderByDescending(a => a.IngestedAt, StringComparer.Ordinal).Select(a => $"What does “{a.Title}” say?"));
        return questions.Distinct().Take(Suggestions).ToList();
    }

    /// <summary>The newest report's headline figures (from its results.json, when it has one).</summary>
    private static EvaluationSummary? LatestEvaluation(string root)
    {
        if (ReportEndpoints.List(root).FirstOrDefault() is not { } latest)
            return null;
        var results = Path.Combine(root, latest.Name, "results.json");
        if (!File.Exists(results))
            return new EvaluationSummary(latest.Name, latest.Url, null, null, null, []);
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(results));
            var r = json.RootElement;
            var modes = r.TryGetProperty("modes", out var m) && m.ValueKind == JsonValueKind.Array
                ? m.EnumerateArray().Select(mode => new ModeScore(Text(mode, "mode") ?? "?", Number(mode, "ndcg@10"), Number(mode, "recall@10"), Number(mode, "mrr"))).ToList()
                : [];
            return new EvaluationSummary(latest.Name, latest.Url, Text(r, "dataset"), (int?)Number(r, "queries"), Text(r, "createdUtc"), modes);
        }
        catch (JsonException)
        {
            // A report being rewritten, or from another version: the page still links it.
            return new EvaluationSummary(latest.Name, latest.Url, null, null, null, []);
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
