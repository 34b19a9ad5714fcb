using System.Diagnostics;
using System.Text.Json;
using GraphRag.Embeddings.UseLite;
using Spectre.Console;

namespace GraphRag.Bench.Embeddings;

/// <summary>
/// USE-lite encoding speed: texts per second for 1 and 2 threads and batch sizes 1, 8 and 32, against
/// the original TF.js package (@energetic-ai/embeddings on its WASM backend, in Node) timed on the same
/// texts in the same run. Also prints the largest difference from the TF.js reference vectors.
/// On a shared, loaded machine wall time mostly measures waiting, so single-thread efficiency is also
/// given as texts per CPU-second (process CPU time), which does not depend on the load.
/// Needs scripts/fetch-assets.sh (and --node-reference for the TF.js column).
/// </summary>
public sealed class EncoderSuite : IBenchSuite
{
    private static readonly int[] BatchSizes = [1, 8, 32];

    public string Name => "encoder";
    public string Description => "USE-lite texts/s (1 and 2 threads, batches 1/8/32) vs TF.js in Node on the same texts";

    public Task RunAsync(string[] args)
    {
        var repo = RepoRoot();
        var assets = Environment.GetEnvironmentVariable("GRAPHRAG_ASSETS") ?? Path.Combine(repo, ".assets");
        var modelDir = Path.Combine(assets, "use-lite");
        if (!File.Exists(Path.Combine(modelDir, "model.json")))
        {
            AnsiConsole.MarkupLine($"[yellow]skipped:[/] no model in {Markup.Escape(modelDir)}; run scripts/fetch-assets.sh");
            return Task.CompletedTask;
        }

        var reference = ReadReference(Path.Combine(repo, "tests", "GraphRag.Embeddings.Tests", "Fixtures", "use-lite", "expected-embeddings.json"));
        // The 40 reference texts (short questions to a 128-token paragraph) four times over: 160 texts.
        var texts = Enumerable.Repeat(reference.Select(r => r.Text), 4).SelectMany(t => t).ToArray();
        var tokens = 0L;

        var load = Stopwatch.StartNew();
        var model = UseLiteModel.Load(modelDir);
        AnsiConsole.MarkupLine($"[grey]model loaded in {load.Elapsed.TotalMilliseconds:F0} ms[/]");
        foreach (var t in texts) tokens += model.Tokenize(t).Length;

        var maxDiff = reference.Select(r => MaxAbsDiff(model.Embed([r.Text])[0], r.Embedding)).Max();
        AnsiConsole.MarkupLine($"max |ours − TF.js| over the 40 reference texts: {maxDiff:E2}");

        var node = TimeTfjs(repo, assets, modelDir, texts);
        var table = new Table().Title($"{texts.Length} texts ({tokens} tokens): texts/s wall (best of 3) and texts per CPU-second")
            .AddColumns("batch", "ours 1 thr", "ours 2 thr", "TF.js 1 thr", "ours 1 thr / TF.js", "ours 2 thr / TF.js",
                "ours /CPU-s", "TF.js /CPU-s", "CPU-s ratio");
        string Ratio(double ours, double? theirs) => theirs is { } t ? $"{ours / t:F1}×" : "n/a";
        foreach (var batch in BatchSizes)
        {
            var one = TimeOurs(model, texts, batch, 1);
            var two = TimeOurs(model, texts, batch, 2);
            var tfjs = node?.GetValueOrDefault(batch);
            table.AddRow($"{batch}", $"{one.TextsPerSecond:F0}", $"{two.TextsPerSecond:F0}", tfjs is { } t ? $"{t.TextsPerSecond:F0}" : "n/a",
                Ratio(one.TextsPerSecond, tfjs?.TextsPerSecond), Ratio(two.TextsPerSecond, tfjs?.TextsPerSecond),
                $"{one.TextsPerCpuSecond:F0}", tfjs is { } c ? $"{c.TextsPerCpuSecond:F0}" : "n/a", Ratio(one.TextsPerCpuSecond, tfjs?.TextsPerCpuSecond));
        }
        AnsiConsole.Write(table);
        return Task.CompletedTask;
    }

    private static Rate TimeOurs(UseLiteModel model, string[] texts, int batch, int threads)
    {
        double bestWall = double.MaxValue, bestCpu = double.MaxValue;
        var process = Process.GetCurrentProcess();
        EmbedAll(); // warm-up
        for (var round = 0; round < 3; round++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            EmbedAll();
            bestWall = Math.Min(bestWall, wall.Elapsed.TotalSeconds);
            process.Refresh();
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu).TotalSeconds);
        }
        return new Rate(texts.Length / bestWall, texts.Length / bestCpu);

        void EmbedAll()
        {
            foreach (var chunk in texts.Chunk(batch)) model.Embed(chunk, threads);
        }
    }

    /// <summary>Texts per second of the TF.js package per batch size, or null (with the reason printed) when it cannot run.</summary>
    private sealed record Rate(double TextsPerSecond, double TextsPerCpuSecond);

    private static Dictionary<int, Rate>? TimeTfjs(string repo, string assets, string modelDir, string[] texts)
    {
        var nodeModules = Path.Combine(assets, "use-lite-node", "node_modules");
        if (!Directory.Exists(Path.Combine(nodeModules, "@energetic-ai", "embeddings")))
        {
            AnsiConsole.MarkupLine("[yellow]TF.js column skipped:[/] run scripts/fetch-assets.sh --node-reference");
            return null;
        }
        var textsFile = Path.GetTempFileName();
        try
        {
            File.WriteAllText(textsFile, JsonSerializer.Serialize(texts));
            var script = Path.Combine(repo, "bench", "GraphRag.Bench", "Embeddings", "tfjs-encoder.js");
            var start = new ProcessStartInfo("node", [script, nodeModules, modelDir, textsFile, string.Join(',', BatchSizes), "3"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEnd();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                AnsiConsole.MarkupLine($"[yellow]TF.js column skipped:[/] node failed: {Markup.Escape(stderr.Trim())}");
                return null;
            }
            using var result = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
            AnsiConsole.MarkupLine($"[grey]TF.js backend: {result.RootElement.GetProperty("backend")}, threads: {result.RootElement.GetProperty("threads")}[/]");
            return result.RootElement.GetProperty("results").EnumerateArray().ToDictionary(
                r => r.GetProperty("batch").GetInt32(),
                r => new Rate(r.GetProperty("texts").GetInt32() / r.GetProperty("seconds").GetDouble(),
                    r.GetProperty("texts").GetInt32() / r.GetProperty("cpuSeconds").GetDouble()));
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            AnsiConsole.MarkupLine($"[yellow]TF.js column skipped:[/] cannot start node ({Markup.Escape(ex.Message)})");
            return null;
        }
        finally
        {
            File.Delete(textsFile);
        }
    }

    private static (string Text, float[] Embedding)[] ReadReference(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.GetProperty("items").EnumerateArray()
            .Select(e => (e.GetProperty("text").GetString()!, e.GetProperty("embedding").EnumerateArray().Select(v => v.GetSingle()).ToArray()))
            .ToArray();
    }

    private static double MaxAbsDiff(float[] a, float[] b) => a.Zip(b, (x, y) => (double)Math.Abs(x - y)).Max();

    private static string RepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "GraphRag.sln"))) return dir.FullName;
        throw new InvalidOperationException("GraphRag.sln not found above the working directory; run from the repository.");
    }
}
