using System.Numerics.Tensors;
using GraphRag.Retrieve.Dense;
using Spectre.Console;

namespace GraphRag.Bench.Foundation;

/// <summary>
/// Exact dense top-10 over 10k, 100k and 1M random 512-d vectors, against a plain sequential read of the same
/// bytes on one thread and split across every core (the memory-bandwidth limit of a scan that uses them all).
/// </summary>
public sealed class DenseScanSuite : IBenchSuite
{
    public string Name => "dense-scan";

    public string Description => "exact vector scan vectors/s and GB/s at 10k/100k/1M against a sequential read";

    public Task RunAsync(string[] args)
    {
        const int dims = 512;
        var table = new Table().AddColumns("vectors", "MB", "scan ms (p50)", "vectors/s", "scan GB/s", "read GB/s 1 thr",
            $"read GB/s {Environment.ProcessorCount} thr", "scan / all-thread read");
        var random = new Random(1);
        foreach (var n in new[] { 10_000, 100_000, 1_000_000 })
        {
            var matrix = new float[(long)n * dims];
            for (var i = 0; i < matrix.Length; i++) matrix[i] = (float)random.NextDouble() - 0.5f;
            var index = new ExactVectorIndex(matrix, Enumerable.Range(0, n).Select(i => (long)i).ToArray(), dims);
            var query = Enumerable.Range(0, dims).Select(_ => (float)random.NextDouble()).ToArray();
            var runs = n >= 1_000_000 ? 5 : 20;
            var scan = Measure.Repeat(runs, () => index.Search(query, 10));
            var read = Measure.Repeat(runs, () => TensorPrimitives.Sum(matrix));
            var parallelRead = Measure.Repeat(runs, () => ParallelSum(matrix));
            var gigabytes = matrix.Length * 4.0 / 1e9;
            table.AddRow(n.ToString("N0"), (gigabytes * 1000).ToString("F0"), scan.P50Ms.ToString("F2"),
                (n / (scan.P50Ms / 1000)).ToString("N0"), (gigabytes / (scan.P50Ms / 1000)).ToString("F2"),
                (gigabytes / (read.P50Ms / 1000)).ToString("F2"), (gigabytes / (parallelRead.P50Ms / 1000)).ToString("F2"),
                (parallelRead.P50Ms / scan.P50Ms).ToString("F2"));
        }
        AnsiConsole.Write(table);
        return Task.CompletedTask;
    }

    /// <summary>Sum of the array split into one contiguous part per core.</summary>
    private static float ParallelSum(float[] values)
    {
        var threads = Environment.ProcessorCount;
        var part = (values.Length + threads - 1) / threads;
        var sums = new float[threads];
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            var start = t * part;
            sums[t] = TensorPrimitives.Sum(values.AsSpan(start, Math.Min(part, values.Length - start)));
        });
        return sums.Sum();
    }
}
