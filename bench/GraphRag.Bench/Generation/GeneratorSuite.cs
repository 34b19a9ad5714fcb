using System.Diagnostics;
using System.Numerics.Tensors;
using GraphRag.Engine;
using GraphRag.Generation.Gguf;
using GraphRag.Generation.Models;
using Spectre.Console;

namespace GraphRag.Bench.Generation;

/// <summary>
/// Prefill and decode tokens/s of a ≈100M-parameter random Llama (written by our GGUF writer) in F32, Q8_0
/// and Q4_0 on 1 and 2 threads. Baseline: the memory-bandwidth limit of decoding, i.e. a measured
/// sequential-read bandwidth (same thread count, same run) divided by the weight bytes one token reads.
/// </summary>
public sealed class GeneratorSuite : IBenchSuite
{
    private const int PromptTokens = 128;
    private const int DecodeTokens = 32;

    public string Name => "generator";

    public string Description => "decoder prefill/decode tok/s (≈100M Llama, F32/Q8_0/Q4_0, 1–2 threads) vs the memory-bandwidth limit";

    public Task RunAsync(string[] args)
    {
        var shape = LlamaShape.Small100M;
        var work = Path.Combine(Path.GetTempPath(), "graphrag-bench-generator");
        Directory.CreateDirectory(work);
        AnsiConsole.MarkupLine($"model: {shape.Parameters / 1e6:F1}M parameters, {shape.Layers} layers × {shape.Hidden}, " +
            $"{shape.Heads}/{shape.KvHeads} heads, SwiGLU {shape.FeedForward}, vocabulary {shape.Vocab}; prompt {PromptTokens}, decode {DecodeTokens} tokens");

        var threadCounts = new[] { 1, Math.Min(2, Environment.ProcessorCount) }.Distinct().ToArray();
        var bandwidth = threadCounts.ToDictionary(t => t, MeasureReadBandwidth);
        foreach (var (threads, gbps) in bandwidth)
            AnsiConsole.MarkupLine($"sequential read bandwidth, {threads} thread(s): {gbps:F1} GB/s (sum over 1 GiB, best of 5)");

        var table = new Table().AddColumns("weights", "MB read / token", "threads", "prefill tok/s", "decode tok/s",
            "bandwidth limit tok/s", "decode ÷ limit", "decode × vs 1 thread");
        foreach (var type in new[] { GgmlType.F32, GgmlType.Q8_0, GgmlType.Q4_0 })
        {
            var path = Path.Combine(work, $"random-llama-{type}.gguf");
            var written = Stopwatch.StartNew();
            RandomLlamaModel.Write(path, shape, type);
            AnsiConsole.MarkupLine($"[grey]wrote {Path.GetFileName(path)} ({new FileInfo(path).Length / 1e6:F0} MB) in {written.Elapsed.TotalSeconds:F1} s[/]");
            using (var loaded = ModelLoader.Load(path))
            {
                var bytesPerToken = loaded.Model.WeightBytesPerToken;
                double? singleThreadDecode = null;
                foreach (var threads in threadCounts)
                {
                    EngineOptions.MaxThreads = threads;
                    var (prefill, decode) = Run(loaded.Model);
                    singleThreadDecode ??= decode;
                    var limit = bandwidth[threads] * 1e9 / bytesPerToken;
                    table.AddRow(type.ToString(), (bytesPerToken / 1e6).ToString("F0"), threads.ToString(), prefill.ToString("F1"),
                        decode.ToString("F2"), limit.ToString("F2"), (decode / limit).ToString("F2"), (decode / singleThreadDecode.Value).ToString("F2"));
                }
            }
            File.Delete(path);
        }
        EngineOptions.MaxThreads = Environment.ProcessorCount;
        AnsiConsole.Write(table);
        return Task.CompletedTask;
    }

    /// <summary>Best of two runs: a 128-token prefill in a fresh session, then 32 greedy one-token steps.</summary>
    private static (double Prefill, double Decode) Run(IDecoderModel model)
    {
        var random = new Random(3);
        var prompt = Enumerable.Range(0, PromptTokens).Select(_ => random.Next(3, model.Config.VocabSize)).ToArray();
        var logits = new float[model.Config.VocabSize];
        double bestPrefill = 0, bestDecode = 0;
        for (var run = 0; run < 2; run++)
        {
            using var session = model.CreateSession();
            var clock = Stopwatch.StartNew();
            session.Forward(prompt, logits);
            bestPrefill = Math.Max(bestPrefill, PromptTokens / clock.Elapsed.TotalSeconds);
            clock.Restart();
            for (var step = 0; step < DecodeTokens; step++)
                session.Forward([TensorPrimitives.IndexOfMax(logits)], logits);
            bestDecode = Math.Max(bestDecode, DecodeTokens / clock.Elapsed.TotalSeconds);
        }
        return (bestPrefill, bestDecode);
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
