using GraphRag.Cuda;
using GraphRag.Cuda.Emulation;
using GraphRag.Cuda.Interop;
using GraphRag.Engine.Kernels;
using Spectre.Console;

namespace GraphRag.Bench.Cuda;

/// <summary>
/// Attention kernels on the GPU: prefill TFLOP/s for head dimensions 64 and 128 at 512–8192 tokens (fp16 and
/// bf16 tensor-core paths, with the same run's float32 path as the baseline) and decode attention latency over
/// long KV caches. Prints why and stops on a machine without a CUDA device.
/// </summary>
public sealed class CudaAttentionSuite : IBenchSuite
{
    private const int Heads = 16;

    public string Name => "cuda-attention";
    public string Description => "CUDA flash prefill TFLOP/s (d 64/128, 512–8192 tokens) vs the float32 path; split-K decode latency";

    public Task RunAsync(string[] args)
    {
        if (!CudaRuntime.TryInitialize(out var reason))
        {
            AnsiConsole.MarkupLine($"[yellow]skipped:[/] {Markup.Escape(reason)}");
            return Task.CompletedTask;
        }
        AnsiConsole.MarkupLine($"[grey]{Markup.Escape(reason)}[/]");
        Prefill();
        Decode();
        return Task.CompletedTask;
    }

    private static void Prefill()
    {
        var table = new Table().Title($"causal prefill, {Heads} heads (FLOPs = 2·2·S²·d·heads / 2)")
            .AddColumns("d", "tokens", "fp32 TFLOP/s", "fp16 TFLOP/s", "bf16 TFLOP/s", "fp16 / fp32");
        foreach (var d in new[] { 64, 128 })
            foreach (var tokens in new[] { 512, 1024, 2048, 4096, 8192 })
            {
                var shape = new AttentionShape(tokens, tokens, Heads, d) { Causal = true };
                var flops = 2.0 * tokens * (double)tokens * d * Heads;  // QKᵀ and PV, halved by the causal mask
                var tflops = new Dictionary<InputPrecision, double>();
                foreach (var precision in Enum.GetValues<InputPrecision>())
                    tflops[precision] = flops / PrefillSeconds(shape, precision) / 1e12;
                table.AddRow($"{d}", $"{tokens}", $"{tflops[InputPrecision.Float32]:F2}", $"{tflops[InputPrecision.Float16]:F2}",
                    $"{tflops[InputPrecision.BFloat16]:F2}", $"{tflops[InputPrecision.Float16] / tflops[InputPrecision.Float32]:F1}×");
            }
        AnsiConsole.Write(table);
    }

    private static double PrefillSeconds(AttentionShape shape, InputPrecision precision)
    {
        var values = RandomValues(shape.QueryLength * shape.Heads * shape.HeadDim);
        var encoded = InputRounding.Encode(values, precision);
        using var q = DeviceBuffer.From<byte>(encoded);
        using var k = DeviceBuffer.From<byte>(encoded);
        using var v = DeviceBuffer.From<byte>(encoded);
        using var output = DeviceBuffer.Allocate((long)values.Length * sizeof(float));
        return Measure.BestSeconds(5, () =>
        {
            CudaKernels.AttentionPrefill(q, k, v, output, shape, precision);
            CudaKernels.Synchronize();
        });
    }

    private static void Decode()
    {
        var table = new Table().Title($"decode attention, {Heads} query heads, 4 kv heads, d 64, fp16 cache")
            .AddColumns("cached tokens", "µs / token", "GB/s of K+V read", "vs 512 tokens");
        double? baseline = null;
        foreach (var kLen in new[] { 512, 2048, 8192, 32768 })
        {
            var shape = new AttentionShape(1, kLen, Heads, 64) { KvHeads = 4 };
            var cache = InputRounding.Encode(RandomValues(kLen * 4 * 64), InputPrecision.Float16);
            using var q = DeviceBuffer.From<float>(RandomValues(Heads * 64));
            using var k = DeviceBuffer.From<byte>(cache);
            using var v = DeviceBuffer.From<byte>(cache);
            using var output = DeviceBuffer.Allocate(Heads * 64 * sizeof(float));
            using var workspace = DeviceBuffer.Allocate(CudaKernels.AttentionDecodeWorkspaceFloats(shape) * sizeof(float));
            var seconds = Measure.BestSeconds(20, () =>
            {
                CudaKernels.AttentionDecode(q, k, v, output, workspace, shape, InputPrecision.Float16);
                CudaKernels.Synchronize();
            });
            baseline ??= seconds;
            table.AddRow($"{kLen}", $"{seconds * 1e6:F1}", $"{2.0 * cache.Length / seconds / 1e9:F0}", $"{seconds / baseline:F1}×");
        }
        AnsiConsole.Write(table);
    }

    private static float[] RandomValues(int count)
    {
        var random = new Random(1);
        var values = new float[count];
        for (var i = 0; i < count; i++) values[i] = (float)(random.NextDouble() * 2 - 1);
        return values;
    }
}
