using GraphRag.Bench.Foundation;
using GraphRag.Graph.Extract;
using GraphRag.Graph.Extract.Lexicons;
using GraphRag.Graph.Ingest;
using GraphRag.Graph.Retrieve;
using GraphRag.Graph.Store;
using GraphRag.Ingest;
using GraphRag.Ingest.Chunking;
using GraphRag.Ingest.Reading;
using GraphRag.Retrieve;
using GraphRag.Retrieve.Dense;
using GraphRag.Store;
using Microsoft.Extensions.AI;
using Spectre.Console;

namespace GraphRag.Bench.Retrieve;

/// <summary>
/// Search latency p50/p95 of every mode (lexical, dense, graph, hybrid) as the app composes them,
/// on the notes and on N× the notes, caches warm as in a running server. Baseline: lexical, the
/// cheapest mode, in the same run. The N× corpus carries the 1× chunk vectors repeated in order:
/// a scan's cost depends on the number and size of the vectors, not on their values, and embedding
/// 40,000 chunks would take the encoder most of an hour. Databases are kept in the work folder so
/// another build (an earlier commit, say) can be timed on the very same files.
/// </summary>
public sealed class RetrievalLatencySuite : IBenchSuite
{
    public string Name => "retrieval";

    public string Description => "p50/p95 of lexical, dense, graph and hybrid search on the notes and N× the notes [copies=100] [work folder] [encoder=arctic-embed-xs]";

    public async Task RunAsync(string[] args)
    {
        var copies = args.Length > 0 ? int.Parse(args[0]) : 100;
        var work = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "graphrag-bench-retrieval");
        var options = new EmbeddingOptions
        {
            Encoder = args.Length > 2 ? args[2] : "arctic-embed-xs",
            ModelDirectory = Path.Combine(Environment.GetEnvironmentVariable("GRAPHRAG_ASSETS") ?? Path.Combine(SyntheticCorpus.RepoRoot, ".assets"), "use-lite"),
        };
        if (GraphRag.Cli.SentenceEncoderCatalog.Unavailable(options) is { } reason)
        {
            AnsiConsole.MarkupLine($"[yellow]SKIPPED: {Markup.Escape(reason)}[/]");
            return;
        }
        using var encoders = GraphRag.Cli.SentenceEncoderCatalog.Create(options, null);
        var encoder = encoders.Configured;
        work = Path.Combine(work, SentenceEncoder.NameOf(encoder.ModelId));
        var table = new Table().AddColumns("corpus", "chunks", "vectors", "mode", "p50 ms", "p95 ms", "p95 × lexical");
        float[][]? unitVectors = null;
        foreach (var (label, n) in new[] { ("notes (1×)", 1), ($"synthetic ({copies}×)", copies) })
        {
            var database = new GraphRagDatabase(Path.Combine(work, $"x{n}.db"), EmbeddedGraphStore.Migrations);
            if (!database.Exists)
            {
                await new IngestionPipeline(database, new ArticleReader(), new ChunkingOptions(),
                        [new GraphIndexer(new ArticleGraphExtractor(EnglishLexicon.Load(new GraphRag.Graph.GraphOptions().ResolveAssets())), database, new NoGraphMirror())])
                    .IngestAsync([SyntheticCorpus.Write(Path.Combine(work, $"x{n}"), n)]);
                unitVectors ??= await EmbedAsync(encoder, database);
                WriteVectors(database, unitVectors, encoder.ModelId);
            }
            // Hybrid as configured by default (the graph expands BM25 + encoder), and the same fusion
            // without the graph in the same run: the row "hybrid − graph" is what the expansion costs.
            var graph = new GraphRankerFactory(new GraphSnapshotCache(new EmbeddedGraphStore(database), new ArticleStore(database)),
                Microsoft.Extensions.Options.Options.Create(new GraphRag.Graph.GraphOptions()));
            var dense = new DenseRanker(encoders, new VectorIndexCache(database));
            var withGraph = new PassageSearch(RetrievalComposition.Compose(new RetrievalOptions(), database, dense, graph, []), new ArticleStore(database));
            var withoutGraph = new PassageSearch(RetrievalComposition.Compose(new RetrievalOptions { Hybrid = { Components = "lexical,dense" } }, database, dense, graph, []), new ArticleStore(database));
            var counts = new ArticleStore(database).Counts();
            double? lexicalP95 = null;
            var rows = RetrievalModeNames.All.Select(mode => (Label: mode, Search: withGraph, Mode: mode))
                .Append((Label: "hybrid − graph", Search: withoutGraph, Mode: RetrievalModeNames.Hybrid));
            foreach (var (rowLabel, search, mode) in rows)
            {
                var samples = SearchLatency.Sample(q => search.SearchAsync(q, 10, mode).GetAwaiter().GetResult());
                var p95 = Measure.Percentile(samples, 0.95);
                lexicalP95 ??= p95;
                table.AddRow(label, counts.Chunks.ToString("N0"), VectorCount(database).ToString("N0"), rowLabel,
                    Measure.Percentile(samples, 0.5).ToString("F2"), p95.ToString("F2"), (p95 / lexicalP95.Value).ToString("F1"));
            }
        }
        AnsiConsole.MarkupLine($"[bold]Search latency[/] (top 10, {SearchLatency.Queries.Length} queries × 5 after a warm-up pass; databases in {Markup.Escape(work)})");
        AnsiConsole.Write(table);
    }

    /// <summary>The 1× corpus's chunk vectors, as the embedding indexer makes them (the best window stands for its chunk here).</summary>
    private static async Task<float[][]> EmbedAsync(SentenceEncoder encoder, GraphRagDatabase database)
    {
        var store = new ArticleStore(database);
        var texts = store.ListArticles().SelectMany(a => store.ChunksOf(a.Id))
            .SelectMany(c => SentenceWindows.Split(c.Text, encoder.WindowTokens, encoder.CountTokens)).ToList();
        var vectors = new List<float[]>();
        foreach (var batch in texts.Chunk(32))
            vectors.AddRange((await encoder.Documents.GenerateAsync(batch)).Select(e => e.Vector.ToArray()));
        return vectors.ToArray();
    }

    private static void WriteVectors(GraphRagDatabase database, float[][] unitVectors, string model)
    {
        using var write = database.BeginWrite();
        var chunkIds = write.Query<long>("SELECT id FROM chunks ORDER BY id").ToList();
        using var insert = write.Prepare("""
            INSERT INTO chunk_embeddings (chunk_id, window, model, format, scale, vector) VALUES ($chunk, 0, $model, 'f16', $scale, $vector)
            """);
        for (var i = 0; i < chunkIds.Count; i++)
        {
            var (bytes, scale) = VectorCodec.Encode(unitVectors[i % unitVectors.Length], VectorFormat.F16);
            insert.Parameters.Clear();
            insert.Parameters.AddWithValue("$chunk", chunkIds[i]);
            insert.Parameters.AddWithValue("$model", model);
            insert.Parameters.AddWithValue("$scale", scale);
            insert.Parameters.AddWithValue("$vector", bytes);
            insert.ExecuteNonQuery();
        }
        write.Commit();
    }

    private static long VectorCount(GraphRagDatabase database)
    {
        using var connection = database.Open();
        return Dapper.SqlMapper.ExecuteScalar<long>(connection, "SELECT count(*) FROM chunk_embeddings");
    }
}
