using System.Diagnostics;
using GraphRag.Bench.Foundation;
using GraphRag.Evaluation.Beir;
using GraphRag.Evaluation.Runs;
using GraphRag.Evaluation.Trec;
using GraphRag.Graph;
using GraphRag.Graph.Extract;
using GraphRag.Graph.Extract.Lexicons;
using GraphRag.Graph.Ingest;
using GraphRag.Graph.Retrieve;
using GraphRag.Graph.Store;
using GraphRag.Ingest;
using GraphRag.Ingest.Chunking;
using GraphRag.Ingest.Reading;
using GraphRag.Retrieve;
using GraphRag.Retrieve.Fusion;
using GraphRag.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace GraphRag.Bench.Graph;

/// <summary>
/// The knowledge graph: extraction throughput (baseline: sentence splitting and tokenising alone);
/// graph writes to SQLite and to Neo4j (rows/s, batched); 2-hop neighbourhood and PPR latency on
/// both stores for the notes and a synthetic corpus; retrieval quality on hotpotqa100 with and
/// without the graph (metrics from GraphRag.Evaluation).
/// </summary>
public sealed class GraphSuite : IBenchSuite
{
    /// <summary>The English lexicons extraction reads (scripts/fetch-assets.sh puts them under .assets/).</summary>
    private static EnglishLexicon Lexicon => EnglishLexicon.Load(new GraphOptions().ResolveAssets());

    private static readonly string[] Queries =
    [
        "statistical significance p-value", "NDCG discounted cumulative gain", "how do SQL indexes work",
        "transformer attention heads", "knowledge graph entities", "k-means elbow method clusters", "GPU memory bandwidth",
        "precision recall ranking metric", "embedding vectors similarity", "positional encoding", "neutrinos faster than light",
        "mean reciprocal rank", "self-attention queries keys values", "Large Language Models", "Python libraries pandas",
    ];

    public string Name => "graph";

    public string Description => "graph extraction/s, Neo4j rows/s, 2-hop and PPR latency, hotpotqa100 with/without graph [extract|stores|hotpotqa|all] [copies=100]";

    public async Task RunAsync(string[] args)
    {
        var part = args.Length > 0 ? args[0] : "all";
        var copies = args.Length > 1 ? int.Parse(args[1]) : 100;
        if (part is "extract" or "all")
            Extraction();
        if (part is "stores" or "all")
            await StoresAsync(copies);
        if (part is "hotpotqa" or "all")
            await HotpotAsync();
    }

    private static void Extraction()
    {
        var reader = new ArticleReader();
        var articles = SyntheticCorpus.Notes.SelectMany(f => reader.Read(f).Articles).ToList();
        var characters = articles.Sum(a => (long)a.Text.Length);
        var extractor = new ArticleGraphExtractor(Lexicon);
        var inputs = articles.Select((a, i) => new ArticleInput(i, a.Text, a.Author, [new GraphRag.Graph.Extract.ChunkSpan(i, 0, a.Text.Length)])).ToList();
        var entities = 0;
        var seconds = Measure.BestSeconds(3, () => entities = inputs.Sum(i => extractor.Extract(i, NoKnownEntities.Instance).Entities.Count));
        var baseline = Measure.BestSeconds(3, () =>
        {
            foreach (var a in articles)
                foreach (var s in GraphRag.Text.Sentences.Split(a.Text))
                    GraphRag.Text.Words.Find(a.Text, s);
        });
        var table = new Table().AddColumns("articles", "MB", "entities", "extract s", "articles/s", "MB/s", "split+tokenise s", "× split+tokenise");
        table.AddRow(articles.Count.ToString(), (characters / 1e6).ToString("F2"), entities.ToString(), seconds.ToString("F3"),
            (articles.Count / seconds).ToString("F0"), (characters / 1e6 / seconds).ToString("F2"), baseline.ToString("F3"), (seconds / baseline).ToString("F1"));
        AnsiConsole.MarkupLine("[bold]Extraction[/] (the notes, best of 3)");
        AnsiConsole.Write(table);
    }

    private static async Task StoresAsync(int copies)
    {
        var work = Path.Combine(Path.GetTempPath(), "graphrag-bench-graph");
        if (Directory.Exists(work)) Directory.Delete(work, true);
        var neo4j = Neo4jFromEnv();
        if (neo4j is null)
            AnsiConsole.MarkupLine("[yellow]Neo4j not running (no .assets/neo4j.env): run scripts/neo4j.sh start for the Neo4j rows.[/]");
        var writes = new Table().AddColumns("corpus", "articles", "rows", "SQLite rows/s", "Neo4j rows/s", "Neo4j ÷ SQLite");
        var reads = new Table().AddColumns("corpus", "store", "entities", "relations", "snapshot load ms", "2-hop p50 ms", "2-hop p95 ms", "PPR p50 ms", "PPR p95 ms", "2-hop × embedded");
        foreach (var (label, n) in new[] { ("notes (1×)", 1), ($"synthetic ({copies}×)", copies) })
        {
            var database = new GraphRagDatabase(Path.Combine(work, $"x{n}.db"), EmbeddedGraphStore.Migrations);
            var clock = Stopwatch.StartNew();
            await new IngestionPipeline(database, new ArticleReader(), new ChunkingOptions(),
                    [new GraphIndexer(new ArticleGraphExtractor(Lexicon), database, new NoGraphMirror())])
                .IngestAsync([SyntheticCorpus.Write(Path.Combine(work, $"x{n}"), n)]);
            AnsiConsole.MarkupLine($"[grey]{label}: ingested with graph extraction in {clock.Elapsed.TotalSeconds:F1} s[/]");
            using (var write = database.BeginWrite())
            {
                SqliteGraphWriter.PruneAll(write);
                write.Commit();
            }

            var graphs = ReadAll(database);
            var rows = graphs.Sum(g => g.Entities.Count + g.ChunkIds.Count + g.Mentions.Count + g.Relations.Count);
            var embedded = new EmbeddedGraphStore(database);
            var sqliteSeconds = Measure.BestSeconds(1, () => embedded.ReplaceArticlesAsync(graphs).GetAwaiter().GetResult());
            double? neo4jSeconds = null;
            Neo4jGraphStore? neo4jStore = null;
            if (neo4j is not null)
            {
                neo4jStore = new Neo4jGraphStore(new Neo4jHttpClient(new HttpClient(), neo4j), neo4j);
                await neo4jStore.DeleteAllAsync();
                await neo4jStore.EnsureSchemaAsync(CancellationToken.None);
                neo4jSeconds = Measure.BestSeconds(1, () => neo4jStore.ReplaceArticlesAsync(graphs).GetAwaiter().GetResult());
            }
            writes.AddRow(label, graphs.Count.ToString(), rows.ToString("N0"), (rows / sqliteSeconds).ToString("N0"),
                neo4jSeconds is { } s ? (rows / s).ToString("N0") : "—", neo4jSeconds is { } t ? (sqliteSeconds / t).ToString("F2") : "—");

            double? embeddedHop = null;
            foreach (var store in new IGraphStore?[] { embedded, neo4jStore }.OfType<IGraphStore>())
            {
                var load = Stopwatch.StartNew();
                var snapshot = await store.LoadSnapshotAsync();
                var loadMs = load.Elapsed.TotalMilliseconds;
                var degree = snapshot.Relations.SelectMany(r => new[] { r.SourceKey, r.TargetKey }).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
                // The 50 most connected entities: the expensive neighbourhoods.
                var keys = degree.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(50).Select(kv => kv.Key).ToList();
                var hops = Sample(keys, k => store.GetNeighbourhoodAsync(k, 2, 1000).GetAwaiter().GetResult());
                // PPR from the question's entities alone: the walk's own cost, without a lexical search to seed it.
                var ranker = new GraphRanker(new GraphSnapshotCache(store, new ArticleStore(database)), new GraphRetrievalOptions { PassageSeeds = "" }, passageSeeds: null);
                var ppr = Sample(Queries, q => ranker.RankAsync(SearchQuery.Parse(q), 10).GetAwaiter().GetResult());
                var hopP95 = Measure.Percentile(hops, 0.95);
                embeddedHop ??= hopP95;
                reads.AddRow(label, store.Name, snapshot.Entities.Count.ToString("N0"), snapshot.Relations.Count.ToString("N0"), loadMs.ToString("F0"),
                    Measure.Percentile(hops, 0.5).ToString("F2"), hopP95.ToString("F2"),
                    Measure.Percentile(ppr, 0.5).ToString("F2"), Measure.Percentile(ppr, 0.95).ToString("F2"), (hopP95 / embeddedHop.Value).ToString("F2"));
            }
        }
        if (neo4j is not null)
            await new Neo4jGraphStore(new Neo4jHttpClient(new HttpClient(), neo4j), neo4j).DeleteAllAsync();
        AnsiConsole.MarkupLine("[bold]Graph writes[/] (every article graph replaced once; rows = entities + chunks + mentions + relations sent)");
        AnsiConsole.Write(writes);
        AnsiConsole.MarkupLine("[bold]Graph reads[/] (2-hop: the 50 most connected entities, ×3; PPR: 15 queries ×3, in-memory snapshot cached)");
        AnsiConsole.Write(reads);
    }

    private static async Task HotpotAsync()
    {
        var folder = Path.Combine(SyntheticCorpus.RepoRoot, "..", "shared", "bench", "hotpotqa100");
        if (!Directory.Exists(folder))
        {
            AnsiConsole.MarkupLine($"[yellow]SKIPPED hotpotqa100: {folder} is absent.[/]");
            return;
        }
        var dataset = BeirDataset.Read(folder);
        var work = Path.Combine(Path.GetTempPath(), "graphrag-bench-graph-hotpot");
        if (Directory.Exists(work)) Directory.Delete(work, true);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GraphRag:Database"] = Path.Combine(work, "hotpot.db"),
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddGraphRagCore(configuration);
        services.AddGraphRagGraph(configuration);
        await using var provider = services.BuildServiceProvider();
        var database = provider.GetRequiredService<GraphRagDatabase>();
        var clock = Stopwatch.StartNew();
        var store = provider.GetRequiredService<ArticleStore>();
        var passages = await new BeirIngester(provider.GetRequiredService<IngestionPipeline>(), store).IngestAsync(dataset);
        AnsiConsole.MarkupLine($"[grey]hotpotqa100: {dataset.Corpus.Count} passages ingested with graph extraction in {clock.Elapsed.TotalSeconds:F1} s[/]");

        var measures = TrecMeasureSet.Default.WithCutoff(2);
        var graph = provider.GetRequiredService<IGraphRankerFactory>();
        RetrievalModes Modes(string fusion) => RetrievalComposition.Compose(
            new RetrievalOptions { Hybrid = new HybridOptions { Components = "lexical,graph", Fusion = fusion } }, database, null, graph, []);
        var variants = new (string Label, string Mode, RetrievalModes Modes)[]
        {
            ("lexical (no graph)", RetrievalModeNames.Lexical, Modes(HybridOptions.ScoreMixing)),
            ("graph: PPR from question entities only", "entities",
                new RetrievalModes(new Dictionary<string, IRanker> { ["entities"] = new GraphRanker(provider.GetRequiredService<GraphSnapshotCache>(),
                    new GraphRetrievalOptions { PassageSeeds = "" }, passageSeeds: null) }, [], "entities")),
            ("graph: PPR from entities + top-20 lexical passages (default)", RetrievalModeNames.Graph, Modes(HybridOptions.ScoreMixing)),
            ("lexical + graph (RRF)", RetrievalModeNames.Hybrid, Modes(HybridOptions.ReciprocalRank)),
            ("lexical + graph (score mix, the default fusion)", RetrievalModeNames.Hybrid, Modes(HybridOptions.ScoreMixing)),
        };
        var table = new Table().AddColumns("mode", "nDCG@10", "R@2", "R@5", "R@10", "search s");
        foreach (var (label, mode, modes) in variants)
        {
            var runner = new EvalRunner(new PassageSearch(modes, store), new ArticleRunMapper(dataset.Qrels, passages), measures);
            var run = await runner.RunAsync(mode, dataset.Queries);
            var all = run.Scores.All;
            table.AddRow(label, all["ndcg_cut_10"].ToString("F3"), all["recall_2"].ToString("F3"), all["recall_5"].ToString("F3"),
                all["recall_10"].ToString("F3"), run.SearchTime.TotalSeconds.ToString("F2"));
        }
        AnsiConsole.MarkupLine($"[bold]hotpotqa100[/] ({dataset.Queries.Count} queries, {dataset.Corpus.Count} passages; trec_eval measures from GraphRag.Evaluation)");
        AnsiConsole.Write(table);
    }

    private static List<GraphRag.Graph.Model.ArticleGraph> ReadAll(GraphRagDatabase database)
    {
        using var connection = database.Open();
        var ids = Dapper.SqlMapper.Query<long>(connection, "SELECT id FROM articles ORDER BY id").ToList();
        return ids.Select(id => SqliteArticleGraphReader.Read(id, connection)).ToList();
    }

    private static Neo4jOptions? Neo4jFromEnv()
    {
        var file = Path.Combine(SyntheticCorpus.RepoRoot, ".assets", "neo4j.env");
        if (!File.Exists(file))
            return null;
        var values = File.ReadAllLines(file).Where(l => l.Contains('=')).ToDictionary(l => l[..l.IndexOf('=')], l => l[(l.IndexOf('=') + 1)..]);
        return new Neo4jOptions { Url = values["NEO4J_URL"], User = values["NEO4J_USER"], Password = values["NEO4J_PASSWORD"], RequestTimeout = TimeSpan.FromMinutes(5) };
    }

    /// <summary>Each item 3 times after one warm-up pass; sorted milliseconds.</summary>
    private static double[] Sample<T>(IReadOnlyList<string> items, Func<string, T> run)
    {
        foreach (var item in items) run(item);
        var samples = new List<double>();
        for (var round = 0; round < 3; round++)
            foreach (var item in items)
            {
                var start = Stopwatch.GetTimestamp();
                run(item);
                samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        return samples.Order().ToArray();
    }
}
