using System.Diagnostics;
using System.Text.Json;
using GraphRag.Embeddings.Bert;
using GraphRag.Embeddings.UseLite;
using GraphRag.Engine.Kernels;
using Spectre.Console;

namespace GraphRag.Bench.Embeddings;

/// <summary>
/// BERT sentence encoders (arctic-embed-xs, all-MiniLM-L6-v2): our forward pass on GraphRag.Engine against
/// ONNX Runtime running the same model.onnx, batch 1 and 32, 1 and 2 threads, timed ABAB in the same run
/// (engine, ORT, engine, ORT, …; the best of the rounds of each). Texts per second (wall) and per CPU-second
/// (process CPU time: on a shared machine it is the steadier figure, and it charges ONNX Runtime's spinning
/// threads). Inputs are pre-tokenised and batched in length order (what BertSentenceEncoder.Embed does), so
/// tokenisation, timed on its own, is not in either column. USE lite on the same texts for reference, and
/// the GFLOP/s of the kernels the forward pass spends its time in.
/// </summary>
public sealed class BertEncoderSuite : IBenchSuite
{
    private const int Rounds = 3;

    public string Name => "bert-encoder";
    public string Description => "arctic-embed-xs and all-MiniLM-L6-v2: engine vs ONNX Runtime texts/s (batch 1/32, 1/2 threads, ABAB), USE lite for reference";

    public Task RunAsync(string[] args)
    {
        var texts = BenchTexts();
        KernelRates();
        foreach (var model in PretrainedBertModels.Names)
            CompareBackends(model, texts);
        UseLiteReference(texts);
        return Task.CompletedTask;
    }

    /// <summary>
    /// 96 texts as retrieval sees them: 32 of the notes' questions and 64 corpus passages of 10 to 250 words
    /// (consecutive lines from spread-out starts), the range of ingestion's sentence windows.
    /// </summary>
    private static string[] BenchTexts()
    {
        var repo = RepoRoot();
        var questions = File.ReadLines(Path.Combine(repo, "eval", "notes", "questions.jsonl")).Take(32)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!);
        var lines = Directory.GetFiles(Path.Combine(repo, "corpus"), "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(File.ReadLines).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var passages = new List<string>();
        for (var i = 0; i < 64; i++)
        {
            var words = 10 + i * 240 / 63;
            var start = i * 1009 % (lines.Count - 300);
            var taken = new List<string>();
            for (var j = start; taken.Count < words; j++) taken.AddRange(lines[j].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            passages.Add(string.Join(' ', taken.Take(words)));
        }
        return [.. questions, .. passages];
    }

    private static void CompareBackends(string model, string[] texts)
    {
        var files = PretrainedBertModels.Resolve(model);
        var load = Stopwatch.StartNew();
        using var engine1 = BertSentenceEncoder.Load(files, BertBackend.Engine, threads: 1);
        var engineLoad = load.Elapsed.TotalMilliseconds;
        load.Restart();
        using var onnx1 = BertSentenceEncoder.Load(files, BertBackend.Onnx, threads: 1);
        var onnxLoad = load.Elapsed.TotalMilliseconds;
        using var engine2 = BertSentenceEncoder.Load(files, BertBackend.Engine, threads: 2);
        using var onnx2 = BertSentenceEncoder.Load(files, BertBackend.Onnx, threads: 2);

        var tokenizing = Stopwatch.StartNew();
        var sequences = texts.Select(t => engine1.Tokenize(t)).OrderBy(s => s.Length).ToArray();
        var tokenizeMs = tokenizing.Elapsed.TotalMilliseconds;
        var tokens = sequences.Sum(s => s.Length);

        var maxDiff = engine1.EmbedTokens(sequences).Zip(onnx1.EmbedTokens(sequences), (a, b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Max()).Max();
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(engine1.ModelId)}[/]: {texts.Length} texts, {tokens} wordpieces ({(double)tokens / texts.Length:F0} per text, {sequences[^1].Length} max); " +
            $"load: engine {engineLoad:F0} ms, ORT {onnxLoad:F0} ms; tokenising all: {tokenizeMs:F0} ms; max |engine − ORT| {maxDiff:E1}");

        var table = new Table().Title($"{model}: texts/s, best of {Rounds} ABAB rounds")
            .AddColumns("batch", "threads", "engine texts/s", "ORT texts/s", "engine / ORT", "engine texts/CPU-s", "ORT texts/CPU-s", "engine / ORT (CPU)");
        foreach (var batch in new[] { 1, 32 })
        {
            foreach (var (threads, engine, onnx) in new[] { (1, engine1, onnx1), (2, engine2, onnx2) })
            {
                var chunks = sequences.Chunk(batch).ToArray();
                var (ours, theirs) = Abab(() => Run(engine, chunks), () => Run(onnx, chunks));
                table.AddRow($"{batch}", $"{threads}", $"{texts.Length / ours.Wall:F1}", $"{texts.Length / theirs.Wall:F1}", $"{theirs.Wall / ours.Wall:F2}×",
                    $"{texts.Length / ours.Cpu:F1}", $"{texts.Length / theirs.Cpu:F1}", $"{theirs.Cpu / ours.Cpu:F2}×");
            }
        }
        AnsiConsole.Write(table);
    }

    private static void Run(BertSentenceEncoder encoder, int[][][] chunks)
    {
        foreach (var chunk in chunks) encoder.EmbedTokens(chunk);
    }

    private sealed record Timing(double Wall, double Cpu);

    /// <summary>Warms both up, then alternates A and B; best wall and best CPU seconds of each.</summary>
    private static (Timing A, Timing B) Abab(Action a, Action b)
    {
        a();
        b();
        Timing bestA = new(double.MaxValue, double.MaxValue), bestB = bestA;
        for (var round = 0; round < Rounds; round++)
        {
            bestA = Best(bestA, Time(a));
            bestB = Best(bestB, Time(b));
        }
        return (bestA, bestB);

        static Timing Best(Timing x, Timing y) => new(Math.Min(x.Wall, y.Wall), Math.Min(x.Cpu, y.Cpu));
    }

    private static Timing Time(Action action)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        action();
        var seconds = wall.Elapsed.TotalSeconds;
        process.Refresh();
        return new Timing(seconds, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    /// <summary>The linear layers' shapes for a batch of 128 tokens: the packed kernel the engine uses, and the engine's general MatMul.</summary>
    private static void KernelRates()
    {
        var table = new Table().Title("kernels, 1 thread, GFLOP/s by CPU time (best of 5)")
            .AddColumns("m×k×n", "PackedLinear (+bias)", "PackedLinear +GELU", "MatMul A·Bᵀ", "MatMul A·B");
        foreach (var (m, k, n) in new[] { (128, 384, 384), (128, 384, 1536), (128, 1536, 384) })
        {
            var random = new Random(m + k + n);
            float[] Values(int count) => Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
            var x = Values(m * k);
            var w = Values(k * n);
            var y = new float[m * n];
            var linear = PackedLinear.FromInputMajor(w, Values(n), k, n);
            double Rate(Action action)
            {
                for (var i = 0; i < 20; i++) action();
                return 2.0 * m * k * n / Enumerable.Range(0, 5).Min(_ => Time(action).Cpu) / 1e9;
            }
            table.AddRow($"{m}×{k}×{n}",
                $"{Rate(() => linear.Forward(x, y, m, maxDegreeOfParallelism: 1)):F1}",
                $"{Rate(() => linear.Forward(x, y, m, PackedLinear.Epilogue.Gelu, maxDegreeOfParallelism: 1)):F1}",
                $"{Rate(() => MatMul.MultiplyTransposed(x, w, y, m, k, n, 1)):F1}",
                $"{Rate(() => MatMul.Multiply(x, w, y, m, k, n, 1)):F1}");
        }
        AnsiConsole.Write(table);
    }

    private static void UseLiteReference(string[] texts)
    {
        var assets = Environment.GetEnvironmentVariable("GRAPHRAG_ASSETS") ?? Path.Combine(RepoRoot(), ".assets");
        var directory = Path.Combine(assets, "use-lite");
        if (!File.Exists(Path.Combine(directory, "model.json")))
        {
            AnsiConsole.MarkupLine($"[yellow]USE lite skipped:[/] no model in {Markup.Escape(directory)}; run scripts/fetch-assets.sh");
            return;
        }
        var model = UseLiteModel.Load(directory);
        var table = new Table().Title("USE lite (engine) on the same texts, reading at most 128 of its own tokens per text")
            .AddColumns("batch", "threads", "texts/s", "texts/CPU-s");
        foreach (var batch in new[] { 1, 32 })
        {
            foreach (var threads in new[] { 1, 2 })
            {
                void Run()
                {
                    foreach (var chunk in texts.Chunk(batch)) model.Embed(chunk, threads);
                }
                Run();
                var best = Enumerable.Range(0, Rounds).Select(_ => Time(Run)).Aggregate((x, y) => new Timing(Math.Min(x.Wall, y.Wall), Math.Min(x.Cpu, y.Cpu)));
                table.AddRow($"{batch}", $"{threads}", $"{texts.Length / best.Wall:F1}", $"{texts.Length / best.Cpu:F1}");
            }
        }
        AnsiConsole.Write(table);
    }

    private static string RepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "GraphRag.sln"))) return dir.FullName;
        throw new InvalidOperationException("GraphRag.sln not found above the working directory; run from the repository.");
    }
}
