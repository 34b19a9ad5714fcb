using System.Diagnostics;
using System.Numerics.Tensors;
using GraphRag.Engine;
using GraphRag.Generation.Gguf;
using GraphRag.Generation.Models;
using GraphRag.TestSupport;
using Spectre.Console;

namespace GraphRag.Bench.Generation;

/// <summary>
/// Prefill and decode tokens/s of random-weight Llama models (written by our GGUF writer) against llama.cpp
/// (LLamaSharp 0.30.0's CPU library) on the same files, interleaved ours / llama.cpp / ours / llama.cpp, best of
/// each; per format, thread count and model size. Also: the memory-bandwidth limit of decoding (a sequential read
/// measured in the same run ÷ the weight bytes one token reads) and how many greedy tokens the two agree on.
/// Usage: generator [100m|500m|all] [F32 Q8_0 Q4_0 Q4_K ...]
/// </summary>
public sealed class GeneratorSuite : IBenchSuite
{
    private const int PromptTokens = 128;
    private const int DecodeTokens = 64;
    private const int Rounds = 2;

    public string Name => "generator";

    public string Description => "decoder prefill/decode tok/s vs llama.cpp on the same GGUF (F32/Q8_0/Q4_0/Q4_K, 100M/500M, 1–2 threads), ABAB";

    public Task RunAsync(string[] args)
    {
        var sizes = args.FirstOrDefault()?.ToLowerInvariant() switch
        {
            "500m" => new[] { LlamaShape.Medium500M },
            "all" => [LlamaShape.Small100M, LlamaShape.Medium500M],
            _ => [LlamaShape.Small100M],
        };
        var types = args.Skip(1).Select(Enum.Parse<GgmlType>).ToArray();
        if (types.Length == 0) types = [GgmlType.F32, GgmlType.Q8_0, GgmlType.Q4_0, GgmlType.Q4_K];
        var threadCounts = new[] { 1, Math.Min(2, Environment.ProcessorCount) }.Distinct().ToArray();
        var bandwidth = threadCounts.Append(Environment.ProcessorCount).Distinct().ToDictionary(t => t, MeasureReadBandwidth);
        foreach (var (threads, gbps) in bandwidth)
            AnsiConsole.MarkupLine($"sequential read bandwidth, {threads} thread(s): {gbps:F1} GB/s (sum over 1 GiB, best of 5)");

        var work = Path.Combine(Path.GetTempPath(), "graphrag-bench-generator");
        Directory.CreateDirectory(work);
        // Wall-clock tok/s; for one thread also the ratio per CPU-second of the computing thread (both engines compute on
        // the calling thread then), which time spent waiting for a core on a shared machine does not distort.
        var table = new Table().AddColumns("model", "weights", "MB / token", "threads", "prefill ours", "prefill llama.cpp", "ratio",
            "ratio per CPU-s", "decode ours", "decode llama.cpp", "ratio", "ratio per CPU-s", "limit tok/s", "ours ÷ limit", "greedy agree");
        foreach (var shape in sizes)
        {
            AnsiConsole.MarkupLine($"model: {shape.Parameters / 1e6:F1}M parameters, {shape.Layers} layers × {shape.Hidden}, " +
                $"{shape.Heads}/{shape.KvHeads} heads, SwiGLU {shape.FeedForward}, vocabulary {shape.Vocab}; prompt {PromptTokens}, decode {DecodeTokens} tokens");
            foreach (var type in types)
            {
                var path = Path.Combine(work, $"random-llama-{shape.Parameters / 1_000_000}M-{type}.gguf");
                var written = Stopwatch.StartNew();
                RandomLlamaModel.Write(path, shape, type);
                AnsiConsole.MarkupLine($"[grey]wrote {Path.GetFileName(path)} ({new FileInfo(path).Length / 1e6:F0} MB) in {written.Elapsed.TotalSeconds:F1} s[/]");
                foreach (var threads in threadCounts)
                {
                    using var ours = ModelLoader.Load(path, new ComputeOptions { Threads = threads });
                    using var reference = new LlamaCppModel(path, threads, shape.Context);
                    var prompt = Prompt(shape.Vocab);
                    Run best = default, bestReference = default;
                    for (var round = 0; round < Rounds; round++)
                    {
                        best = best.Max(RunOurs(ours.Model, prompt));
                        bestReference = bestReference.Max(RunLlamaCpp(reference, prompt));
                    }
                    var agree = best.Tokens.Zip(bestReference.Tokens).TakeWhile(p => p.First == p.Second).Count();
                    var bytes = ours.Model.WeightBytesPerToken;
                    var limit = bandwidth[threads] * 1e9 / bytes;
                    string CpuRatio(double ours, double theirs) => threads == 1 ? (ours / theirs).ToString("F2") : "–";
                    table.AddRow($"{shape.Parameters / 1e6:F0}M", type.ToString(), (bytes / 1e6).ToString("F0"), threads.ToString(),
                        best.Prefill.ToString("F1"), bestReference.Prefill.ToString("F1"), (best.Prefill / bestReference.Prefill).ToString("F2"),
                        CpuRatio(best.PrefillCpu, bestReference.PrefillCpu),
                        best.Decode.ToString("F2"), bestReference.Decode.ToString("F2"), (best.Decode / bestReference.Decode).ToString("F2"),
                        CpuRatio(best.DecodeCpu, bestReference.DecodeCpu),
                        limit.ToString("F1"), (best.Decode / limit).ToString("F2"), $"{agree}/{DecodeTokens}");
                    AnsiConsole.MarkupLine($"[grey]{type} {threads} thr: prefill {best.Prefill:F1} vs {bestReference.Prefill:F1}, decode {best.Decode:F2} vs {bestReference.Decode:F2}[/]");
                }
                File.Delete(path);
            }
        }
        AnsiConsole.Write(table);
        return Task.CompletedTask;
    }

    /// <summary>tok/s per wall second and per CPU-second of the calling thread; the greedy tokens of the first run.</summary>
    private readonly record struct Run(double Prefill, double Decode, double PrefillCpu, double DecodeCpu, int[] Tokens)
    {
        public Run Max(Run other) => Tokens is null ? other : new(Math.Max(Prefill, other.Prefill), Math.Max(Decode, other.Decode),
            Math.Max(PrefillCpu, other.PrefillCpu), Math.Max(DecodeCpu, other.DecodeCpu), Tokens);
    }

    private static int[] Prompt(int vocab)
    {
        var random = new Random(3);
        return Enumerable.Range(0, PromptTokens).Select(_ => random.Next(3, vocab)).ToArray();
    }

    private static Run RunOurs(IDecoderModel model, int[] prompt)
    {
        var logits = new float[model.Config.VocabSize];
        using var session = model.CreateSession();
        return Time(tokens => session.Forward(tokens, logits), logits, prompt);
    }

    private static Run RunLlamaCpp(LlamaCppModel model, int[] prompt)
    {
        var logits = new float[model.VocabSize];
        model.Reset();
        return Time(tokens => model.Forward(tokens, logits), logits, prompt);
    }

    /// <summary>A 128-token prefill, then 64 greedy one-token steps, timed in wall and thread-CPU seconds.</summary>
    private static Run Time(Action<int[]> forward, float[] logits, int[] prompt)
    {
        var clock = Stopwatch.StartNew();
        var cpu = Measure.ThreadCpuSeconds();
        forward(prompt);
        double prefill = PromptTokens / clock.Elapsed.TotalSeconds, prefillCpu = PromptTokens / (Measure.ThreadCpuSeconds() - cpu);
        var tokens = new int[DecodeTokens];
        clock.Restart();
        cpu = Measure.ThreadCpuSeconds();
        for (var step = 0; step < DecodeTokens; step++)
        {
            tokens[step] = TensorPrimitives.IndexOfMax(logits);
            forward([tokens[step]]);
        }
        double decode = DecodeTokens / clock.Elapsed.TotalSeconds, decodeCpu = DecodeTokens / (Measure.ThreadCpuSeconds() - cpu);
        return new Run(prefill, decode, prefillCpu, decodeCpu, tokens);
    }

    /// <summary>GB/s of summing a 1 GiB float array split across <paramref name="threads"/> threads (best of 5).</summary>
    private static double MeasureReadBandwidth(int threads)
    {
        var data = new float[1 << 28];
        Array.Fill(data, 1f);
        var best = double.MaxValue;
        for (var run = 0; run < 5; run++)
        {
            var clock = Stopwatch.StartNew();
            var chunk = data.Length / threads;
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads },
                t => TensorPrimitives.Sum(data.AsSpan(t * chunk, chunk)));
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return data.Length * 4.0 / best / 1e9;
    }
}
