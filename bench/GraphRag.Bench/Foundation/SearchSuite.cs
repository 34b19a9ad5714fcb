using Dapper;
using GraphRag.Ingest;
using GraphRag.Ingest.Chunking;
using GraphRag.Ingest.Reading;
using GraphRag.Retrieve;
using GraphRag.Retrieve.Lexical;
using GraphRag.Store;
using Spectre.Console;

namespace GraphRag.Bench.Foundation;

/// <summary>
/// Lexical search latency (p50/p95) on the notes and on 100× the notes. Baseline: the bare FTS5
/// MATCH of the same terms (count only: no ranking, no join), measured in the same run.
/// </summary>
public sealed class SearchSuite : IBenchSuite
{
    private static string[] Queries => SearchLatency.Queries;

    public string Name => "search";

    public string Description => "lexical search p50/p95 on the notes and a 100× synthetic corpus [copies=100]";

    public async Task RunAsync(string[] args)
    {
        var copies = args.Length > 0 ? int.Parse(args[0]) : 100;
        var work = Path.Combine(Path.GetTempPath(), "graphrag-bench-search");
        if (Directory.Exists(work)) Directory.Delete(work, true);
        var table = new Table().AddColumns("corpus", "chunks", "queries", "p50 ms", "p95 ms", "bare MATCH p95 ms", "× bare");
        foreach (var (label, n) in new[] { ("notes (1×)", 1), ($"synthetic ({copies}×)", copies) })
        {
            var database = new GraphRagDatabase(Path.Combine(work, $"x{n}.db"));
            await new IngestionPipeline(database, new ArticleReader(), new ChunkingOptions())
                .IngestAsync([SyntheticCorpus.Write(Path.Combine(work, $"x{n}"), n)]);
            var search = new PassageSearch(RetrievalComposition.Compose(new RetrievalOptions(), database, null, null, []), new ArticleStore(database));
            var samples = Sample(q => search.SearchAsync(q, 10).GetAwaiter().GetResult());
            using var connection = database.Open();
            var bare = Sample(q => connection.ExecuteScalar<long>("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH $m",
                new { m = QueryTerms.ToFtsMatch(QueryTerms.Extract(q)) }));
            var chunks = connection.ExecuteScalar<long>("SELECT count(*) FROM chunks");
            table.AddRow(label, chunks.ToString("N0"), samples.Length.ToString(),
                Measure.Percentile(samples, 0.5).ToString("F2"), Measure.Percentile(samples, 0.95).ToString("F2"),
                Measure.Percentile(bare, 0.95).ToString("F2"), (Measure.Percentile(samples, 0.95) / Measure.Percentile(bare, 0.95)).ToString("F1"));
        }
        AnsiConsole.Write(table);
    }

    private static double[] Sample(Action<string> run) => SearchLatency.Sample(run);
}
