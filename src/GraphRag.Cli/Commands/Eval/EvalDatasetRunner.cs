using GraphRag.Evaluation.Beir;
using GraphRag.Evaluation.Notes;
using GraphRag.Evaluation.Reports;
using GraphRag.Evaluation.Runs;
using GraphRag.Evaluation.Trec;
using GraphRag.Ingest;
using GraphRag.Retrieve;
using GraphRag.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using System.CommandLine;

namespace GraphRag.Cli.Commands.Eval;

/// <summary>
/// Runs the requested modes over one data set. "notes" scores the configured database against
/// eval/notes; a BEIR folder is first ingested into a temporary database that is deleted afterwards.
/// </summary>
public static class EvalDatasetRunner
{
    public const string NotesDataset = "notes";

    /// <param name="Queries">Which of the set's questions: all, dev or test (<see cref="QuerySplit"/>).</param>
    public sealed record Request(string Dataset, IReadOnlyList<string>? Modes, int K, int Depth, string Split, string Queries = QuerySplit.All);

    /// <summary>The summary plus what it was computed from: the runs and the judgments they were scored against.</summary>
    public sealed record Outcome(EvalResults Results, IReadOnlyList<ModeRun> Runs, Qrels Qrels);

    public static async Task<Outcome> RunAsync(ParseResult parse, Request request, IProgress<string> progress, CancellationToken cancellationToken)
    {
        if (request.Dataset.Equals(NotesDataset, StringComparison.OrdinalIgnoreCase))
        {
            var directory = NotesMapping.LocateDefaultSet();
            using var host = CliHost.Build(parse);
            Guards.RequireIngested(host.Services);
            var set = NotesEvalSet.Read(directory);
            var mapper = NotesMapping.Create(host.Services.GetRequiredService<ArticleStore>(), set);
            return await RunModesAsync(host, NotesDataset, set.Queries, mapper, request, progress, cancellationToken);
        }

        var dataset = BeirDataset.Read(request.Dataset, request.Split);
        // With --db the passages go into that database and stay (a re-run skips what is already there);
        // without it, into a temporary one.
        var kept = parse.GetValue(GlobalOptions.Database) is not null;
        var temp = Path.Combine(Path.GetTempPath(), "graphrag-eval", Guid.NewGuid().ToString("N"));
        try
        {
            using var host = kept
                ? CliHost.Build(parse)
                : CliHost.Build(parse, services => services.PostConfigure<GraphRagOptions>(o => o.Database = Path.Combine(temp, "eval.db")));
            progress.Report($"Ingesting {dataset.Corpus.Count} passages of {dataset.Name} into {(kept ? "the database" : "a temporary database")}…");
            var ingester = new BeirIngester(
                host.Services.GetRequiredService<IngestionPipeline>(),
                host.Services.GetRequiredService<ArticleStore>());
            var passages = await ingester.IngestAsync(dataset, cancellationToken);
            var mapper = new ArticleRunMapper(dataset.Qrels, passages);
            return await RunModesAsync(host, dataset.Name, dataset.Queries, mapper, request, progress, cancellationToken);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(temp))
                Directory.Delete(temp, recursive: true);
        }
    }

    private static async Task<Outcome> RunModesAsync(IHost host, string name, IReadOnlyList<EvalQuery> queries, IRunMapper mapper,
        Request request, IProgress<string> progress, CancellationToken cancellationToken)
    {
        if (request.Queries != QuerySplit.All)
        {
            queries = QuerySplit.Select(queries, request.Queries);
            mapper = new SubsetRunMapper(mapper, queries.Select(q => q.Id));
        }
        var search = host.Services.GetRequiredService<PassageSearch>();
        var modes = request.Modes is null ? [search.Modes.DefaultMode]
            : request.Modes.Count == 1 && request.Modes[0] == "all" ? search.Modes.Available.Order().ToList()
            : request.Modes;
        var runner = new EvalRunner(search, mapper, TrecMeasureSet.Default.WithCutoff(request.K).WithRecallCurve(request.K), request.Depth);
        var runs = new List<ModeRun>();
        foreach (var mode in modes)
        {
            progress.Report($"Running {mode} over {queries.Count} queries…");
            runs.Add(await runner.RunAsync(mode, queries, cancellationToken));
        }
        return new Outcome(EvalSummary.Summarize(name, request.K, request.Depth, queries, runs), runs, mapper.Qrels);
    }
}
