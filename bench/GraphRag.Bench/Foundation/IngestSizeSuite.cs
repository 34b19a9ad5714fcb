using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GraphRag.Cli;
using GraphRag.Ingest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace GraphRag.Bench.Foundation;

/// <summary>
/// Cost per input size: one plain-text note of 0.5, 2, 8 and 16 MB, each ingested by a fresh
/// process composed as `graphrag ingest` is (reading, chunking, graph extraction, embeddings when
/// on), reporting seconds and peak resident memory per MB. Baselines in the same run: the notes in
/// corpus/ (seconds per MB) and a 1 KB note (the memory of a process that ingests next to nothing).
///   ingest-size [--embeddings on|off] [--sizes 0.5,2,8,16] [--repeats 1]
/// </summary>
public sealed class IngestSizeSuite : IBenchSuite
{
    private const string Child = "--child";

    public string Name => "ingest-size";

    public string Description => "seconds and peak memory per MB ingesting single files of 0.5–16 MB vs the corpus [--embeddings on|off] [--sizes ...] [--repeats N]";

    private sealed record Run(string Input, double Megabytes, int Articles, int Chunks, double Seconds, double PeakMegabytes, int Failed);

    public async Task RunAsync(string[] args)
    {
        if (args.Length > 0 && args[0] == Child)
        {
            await ChildAsync(args[1], args[2], args[3] == "on");
            return;
        }
        var embeddings = Option(args, "--embeddings", "on") == "on";
        var sizes = Option(args, "--sizes", "0.5,2,8,16").Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var repeats = int.Parse(Option(args, "--repeats", "1"), CultureInfo.InvariantCulture);
        var work = Path.Combine(Path.GetTempPath(), "graphrag-bench-ingest-size-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var tiny = Path.Combine(work, "tiny.txt");
            await File.WriteAllTextAsync(tiny, "A one-line note\n\nThe quokka colony on Rottnest Island is counted every spring.\n");
            var inputs = new List<(string Label, string Path)> { ("1 KB note (memory baseline)", tiny), ("corpus/ (5 files, time baseline)", Path.Combine(SyntheticCorpus.RepoRoot, "corpus")) };
            foreach (var size in sizes)
                inputs.Add(($"single file {size:0.#} MB", SyntheticCorpus.WriteSingleFile(Path.Combine(work, $"note-{size:0.#}MB.txt"), (long)(size * 1024 * 1024))));
            AnsiConsole.MarkupLine($"[grey]embeddings {(embeddings ? "on" : "off")}, graph extraction on; one fresh process per run; {repeats} round(s)[/]");

            var runs = new List<Run>();
            for (var round = 0; round < repeats; round++)
                foreach (var (label, path) in inputs)
                {
                    var run = await InChildAsync(label, path, Path.Combine(work, $"r{round}-{runs.Count}.db"), embeddings);
                    AnsiConsole.MarkupLine($"[grey]{Markup.Escape(label)}: {run.Seconds:F1} s, peak {run.PeakMegabytes:F0} MB[/]");
                    runs.Add(run);
                }
            Report(runs);
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    private static void Report(List<Run> runs)
    {
        var byInput = runs.GroupBy(r => r.Input).Select(g => g.OrderBy(r => r.Seconds).First()).ToList();
        var idle = byInput[0].PeakMegabytes;
        var corpus = byInput[1];
        var corpusSecondsPerMb = corpus.Seconds / corpus.Megabytes;
        var table = new Table().RoundedBorder().AddColumns("input", "MB", "articles", "chunks", "failed", "seconds", "s/MB", "× corpus s/MB",
            "peak MB", "peak − 1 KB run, MB", "(peak − 1 KB run) / file MB");
        foreach (var run in byInput)
        {
            var secondsPerMb = run.Seconds / run.Megabytes;
            table.AddRow(Markup.Escape(run.Input), run.Megabytes.ToString("F2"), run.Articles.ToString(), run.Chunks.ToString("N0"), run.Failed.ToString(),
                run.Seconds.ToString("F1"), run == byInput[0] ? "" : secondsPerMb.ToString("F2"), run == byInput[0] ? "" : (secondsPerMb / corpusSecondsPerMb).ToString("F2"),
                run.PeakMegabytes.ToString("F0"), (run.PeakMegabytes - idle).ToString("F0"),
                run == byInput[0] ? "" : ((run.PeakMegabytes - idle) / run.Megabytes).ToString("F1"));
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("[grey]Best of the rounds per input. MB = 2^20 bytes.[/]");
    }

    /// <summary>Runs one ingestion in a fresh process (this program with --child) and reads its JSON line.</summary>
    private static async Task<Run> InChildAsync(string label, string input, string database, bool embeddings)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
            start.ArgumentList.Add(typeof(IngestSizeSuite).Assembly.Location);
        foreach (var arg in new[] { "ingest-size", Child, input, database, embeddings ? "on" : "off" })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = (await stdout).Split('\n').LastOrDefault(l => l.StartsWith('{'))
            ?? throw new InvalidOperationException($"{label}: the child run printed no result (exit {process.ExitCode}): {await stderr}");
        var result = JsonDocument.Parse(line).RootElement;
        foreach (var error in result.GetProperty("errors").EnumerateArray())
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(label)}: {Markup.Escape(error.GetString()!)}[/]");
        var bytes = File.Exists(input) ? new FileInfo(input).Length : Directory.GetFiles(input).Sum(f => new FileInfo(f).Length);
        return new Run(label, bytes / (1024.0 * 1024), result.GetProperty("articles").GetInt32(), result.GetProperty("chunks").GetInt32(),
            result.GetProperty("seconds").GetDouble(), result.GetProperty("peakBytes").GetInt64() / (1024.0 * 1024), result.GetProperty("failed").GetInt32());
    }

    /// <summary>The child: compose as the CLI does, ingest, print one JSON line with the time and this process's peak resident memory.</summary>
    private static async Task ChildAsync(string input, string database, bool embeddings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["GraphRag:Database"] = database,
                ["GraphRag:Embeddings:Enabled"] = embeddings ? "true" : "false",
                ["GraphRag:Embeddings:ModelDirectory"] = Path.Combine(AssetsRoot(), "use-lite"),
            })
            .Build();
        await using var services = new ServiceCollection().AddLogging().AddGraphRagServices(configuration).BuildServiceProvider();
        var pipeline = services.GetRequiredService<IngestionPipeline>();
        var clock = Stopwatch.StartNew();
        var summary = await pipeline.IngestAsync([input]);
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            seconds,
            peakBytes = PeakResidentBytes(),
            articles = summary.ArticlesAdded,
            chunks = summary.ChunksWritten,
            failed = summary.Failed,
            errors = summary.Files.Where(f => f.Error is not null).Select(f => $"{f.Path}: {f.Error}").ToList(),
        }));
    }

    /// <summary>VmHWM, the kernel's high-water mark of this process's resident memory.</summary>
    private static long PeakResidentBytes()
    {
        var line = File.Exists("/proc/self/status") ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:")) : null;
        return line is null
            ? Process.GetCurrentProcess().PeakWorkingSet64
            : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    private static string AssetsRoot() =>
        Environment.GetEnvironmentVariable("GRAPHRAG_ASSETS") ?? Path.Combine(SyntheticCorpus.RepoRoot, ".assets");

    private static string Option(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }
}
