using System.Diagnostics;
using System.Security.Cryptography;
using GraphRag.Ingest;
using GraphRag.Ingest.Chunking;
using GraphRag.Ingest.Reading;
using GraphRag.Store;
using Spectre.Console;

namespace GraphRag.Bench.Foundation;

/// <summary>
/// Ingestion throughput without embeddings (MB/s, chunks/s) on the notes and on 100× the notes;
/// the baseline is reading and hashing the same files, the floor under any ingestion.
/// </summary>
public sealed class IngestSuite : IBenchSuite
{
    public string Name => "ingest";

    public string Description => "ingestion MB/s and chunks/s on the notes and a 100× synthetic corpus [copies=100]";

    public async Task RunAsync(string[] args)
    {
        var copies = args.Length > 0 ? int.Parse(args[0]) : 100;
        var work = Path.Combine(Path.GetTempPath(), "graphrag-bench-ingest");
        if (Directory.Exists(work)) Directory.Delete(work, true);
        var table = new Table().AddColumns("corpus", "files", "MB", "articles", "chunks", "seconds", "MB/s", "chunks/s", "read+hash s", "× read+hash");
        foreach (var (label, n) in new[] { ("notes (1×)", 1), ($"synthetic ({copies}×)", copies) })
        {
            var folder = SyntheticCorpus.Write(Path.Combine(work, $"x{n}"), n);
            var files = Directory.GetFiles(folder);
            var megabytes = files.Sum(f => new FileInfo(f).Length) / 1e6;
            var baseline = Measure.BestSeconds(3, () => { foreach (var f in files) SHA256.HashData(File.ReadAllBytes(f)); });
            var database = new GraphRagDatabase(Path.Combine(work, $"x{n}.db"));
            var pipeline = new IngestionPipeline(database, new ArticleReader(), new ChunkingOptions());
            var clock = Stopwatch.StartNew();
            var summary = await pipeline.IngestAsync([folder]);
            var seconds = clock.Elapsed.TotalSeconds;
            table.AddRow(label, files.Length.ToString(), megabytes.ToString("F1"), summary.ArticlesAdded.ToString(),
                summary.ChunksWritten.ToString(), seconds.ToString("F2"), (megabytes / seconds).ToString("F2"),
                (summary.ChunksWritten / seconds).ToString("F0"), baseline.ToString("F3"), (seconds / baseline).ToString("F0"));
        }
        AnsiConsole.Write(table);
    }
}
