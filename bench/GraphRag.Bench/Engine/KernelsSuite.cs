using System.Numerics.Tensors;
using GraphRag.Engine;
using GraphRag.Engine.Kernels;
using GraphRag.Engine.Kernels.Simd;
using Spectre.Console;

namespace GraphRag.Bench.Engine;

/// <summary>
/// CPU kernels of GraphRag.Engine: matrix-multiply GFLOP/s (A·Bᵀ on every vector path this CPU accelerates, A·B,
/// 1 and 2 threads) against a naive triple loop and a TensorPrimitives.Dot-per-output baseline in the same run;
/// streaming attention against attention that materialises the score matrix.
/// </summary>
public sealed class KernelsSuite : IBenchSuite
{
    public string Name => "kernels";
    public string Description => "MatMul GFLOP/s (1 and 2 threads) vs naive and TensorPrimitives.Dot; streaming vs materialised attention";

    // (m, k, n): decoding matvec, USE-lite feed-forward for one batch, square-ish prefill shapes.
    private static readonly (int M, int K, int N)[] Shapes = [(1, 768, 3072), (32, 512, 1536), (256, 512, 512), (512, 1024, 1024)];

    public Task RunAsync(string[] args)
    {
        MatMulTable();
        AttentionTable();
        return Task.CompletedTask;
    }

    private static void MatMulTable()
    {
        var widths = SimdWidths.Accelerated.Where(w => w != SimdWidth.Scalar).ToArray();
        var table = new Table().Title("matrix multiply, GFLOP/s (best of 5; 1-thread columns per CPU-second of the thread, 2-thread ones per wall second)")
            .AddColumns(["m×k×n", "naive", "Dot baseline", .. widths.Select(w => $"A·Bᵀ 1 thr {Label(w)}"), "A·Bᵀ 2 thr", "A·B 1 thr", "A·B 2 thr", "A·Bᵀ 1 thr / Dot"]);
        foreach (var (m, k, n) in Shapes)
        {
            var a = Random(m * k, 1);
            var b = Random(k * n, 2);     // [k, n]
            var bT = Random(n * k, 3);    // [n, k]
            var c = new float[m * n];
            var flops = 2.0 * m * k * n;
            // First call outside the timing: the JIT's fully optimised code, not tier 0, is what is timed.
            double Gflops(int runs, Action action)
            {
                action();
                return flops / Measure.BestThreadCpuSeconds(runs, action) / 1e9;
            }

            double WallGflops(int runs, Action action)
            {
                action();
                return flops / Measure.BestSeconds(runs, action) / 1e9;
            }

            var naive = Gflops(flops > 2e8 ? 1 : 3, () => Naive(a, bT, c, m, k, n));
            var dot = Gflops(5, () => DotPerOutput(a, bT, c, m, k, n));
            var perWidth = widths.Select(w => Gflops(5, () => MatMul.MultiplyTransposed(a, bT, c, m, k, n, new ComputeOptions { Threads = 1, Width = w }))).ToArray();
            var t2 = WallGflops(5, () => MatMul.MultiplyTransposed(a, bT, c, m, k, n, 2));
            var n1 = Gflops(5, () => MatMul.Multiply(a, b, c, m, k, n, 1));
            var n2 = WallGflops(5, () => MatMul.Multiply(a, b, c, m, k, n, 2));
            table.AddRow([$"{m}×{k}×{n}", $"{naive:F1}", $"{dot:F1}", .. perWidth.Select(g => $"{g:F1}"), $"{t2:F1}", $"{n1:F1}", $"{n2:F1}", $"{perWidth[^1] / dot:F1}×"]);
        }
        AnsiConsole.Write(table);
    }

    private static string Label(SimdWidth width) => width switch
    {
        SimdWidth.Bits512 => "512-bit",
        SimdWidth.Bits256 => "256-bit",
        SimdWidth.Bits128 => "128-bit",
        _ => "scalar",
    };

    private static void AttentionTable()
    {
        var table = new Table().Title("attention, 8 heads × 64, causal (ms, best of 5)")
            .AddColumns("tokens", "materialised 1 thr", "streaming 1 thr", "streaming 2 thr", "score memory avoided");
        foreach (var tokens in new[] { 128, 512, 1024 })
        {
            const int heads = 8, d = 64;
            var q = Random(tokens * heads * d, 4);
            var k = Random(tokens * heads * d, 5);
            var v = Random(tokens * heads * d, 6);
            var o = new float[q.Length];
            var shape = new AttentionShape(tokens, tokens, heads, d) { Causal = true };
            var full = Measure.BestSeconds(5, () => Materialised(q, k, v, o, tokens, heads, d)) * 1e3;
            var s1 = Measure.BestSeconds(5, () => Attention.Compute(q, k, v, o, shape, 1)) * 1e3;
            var s2 = Measure.BestSeconds(5, () => Attention.Compute(q, k, v, o, shape, 2)) * 1e3;
            table.AddRow($"{tokens}", $"{full:F2}", $"{s1:F2}", $"{s2:F2}", $"{(long)tokens * tokens * 4 / 1024} KiB per head");
        }
        AnsiConsole.Write(table);
    }

    private static void Naive(float[] a, float[] bT, float[] c, int m, int k, int n)
    {
        for (var i = 0; i < m; i++)
            for (var j = 0; j < n; j++)
            {
                var s = 0f;
                for (var p = 0; p < k; p++) s += a[i * k + p] * bT[j * k + p];
                c[i * n + j] = s;
            }
    }

    private static void DotPerOutput(float[] a, float[] bT, float[] c, int m, int k, int n)
    {
        for (var i = 0; i < m; i++)
            for (var j = 0; j < n; j++)
                c[i * n + j] = TensorPrimitives.Dot(a.AsSpan(i * k, k), bT.AsSpan(j * k, k));
    }

    /// <summary>The textbook way: the full [tokens, tokens] score matrix per head, softmax, then P·V.</summary>
    private static void Materialised(float[] q, float[] k, float[] v, float[] o, int tokens, int heads, int d)
    {
        var width = heads * d;
        var scores = new float[tokens * tokens];
        var scale = 1f / MathF.Sqrt(d);
        for (var h = 0; h < heads; h++)
        {
            for (var i = 0; i < tokens; i++)
            {
                var row = scores.AsSpan(i * tokens, i + 1);
                for (var j = 0; j <= i; j++)
                    row[j] = TensorPrimitives.Dot(q.AsSpan(i * width + h * d, d), k.AsSpan(j * width + h * d, d)) * scale;
                Softmax.Apply(row);
                var output = o.AsSpan(i * width + h * d, d);
                output.Clear();
                for (var j = 0; j <= i; j++)
                    TensorPrimitives.MultiplyAdd(v.AsSpan(j * width + h * d, d), row[j], output, output);
            }
        }
    }

    private static float[] Random(int count, int seed)
    {
        var random = new Random(seed);
        var values = new float[count];
        for (var i = 0; i < count; i++) values[i] = (float)(random.NextDouble() * 2 - 1);
        return values;
    }
}
