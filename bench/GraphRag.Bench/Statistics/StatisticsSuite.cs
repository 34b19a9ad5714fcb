using GraphRag.Statistics;
using Spectre.Console;

namespace GraphRag.Bench.Statistics;

/// <summary>
/// The statistics module's two algorithmic choices against the straightforward versions they replace,
/// measured in the same run: Cliff's delta with its interval from sorted samples (O(n log n)) against the
/// n1·n2 dominance matrix, and the exact two-sided binomial p-value with a binary search on the far tail
/// against R's linear scan. Plus the cost of a BCa bootstrap over a percentile one.
/// </summary>
public sealed class StatisticsSuite : IBenchSuite
{
    public string Name => "statistics";

    public string Description => "Cliff's delta sorted vs dominance matrix; exact binomial binary search vs linear scan; BCa vs percentile bootstrap";

    public Task RunAsync(string[] args)
    {
        CliffsDeltaTable();
        BinomialTable();
        BootstrapTable();
        return Task.CompletedTask;
    }

    private static void CliffsDeltaTable()
    {
        var table = new Table().AddColumns("n per group", "dominance matrix ms", "sorted ms", "speed-up", "same δ");
        var random = new Random(1);
        foreach (var n in new[] { 1_000, 5_000, 20_000 })
        {
            var a = Enumerable.Range(0, n).Select(_ => Math.Round(random.NextDouble() * 100, 1)).ToArray();
            var b = Enumerable.Range(0, n).Select(_ => Math.Round(random.NextDouble() * 100 + 5, 1)).ToArray();
            double fast = 0, naive = 0;
            var runs = n >= 20_000 ? 2 : 5;
            var naiveSeconds = Measure.BestSeconds(runs, () => naive = DominanceMatrixDelta(a, b));
            var fastSeconds = Measure.BestSeconds(runs, () => fast = CliffsDelta.Compute(a, b).Value);
            table.AddRow(n.ToString("N0"), (naiveSeconds * 1000).ToString("F1"), (fastSeconds * 1000).ToString("F1"),
                (naiveSeconds / fastSeconds).ToString("F0") + "×", Math.Abs(fast - naive) < 1e-12 ? "yes" : $"no ({fast} vs {naive})");
        }
        AnsiConsole.Write(table);
    }

    /// <summary>The textbook computation: every pair, plus the row and column means the interval needs.</summary>
    private static double DominanceMatrixDelta(double[] a, double[] b)
    {
        var rows = new double[a.Length];
        var cols = new double[b.Length];
        double total = 0;
        for (var i = 0; i < a.Length; i++)
        {
            for (var j = 0; j < b.Length; j++)
            {
                var d = Math.Sign(a[i] - b[j]);
                rows[i] += d;
                cols[j] += d;
                total += d;
            }
        }
        GC.KeepAlive(rows);
        GC.KeepAlive(cols);
        return total / ((double)a.Length * b.Length);
    }

    private static void BinomialTable()
    {
        var table = new Table().AddColumns("n", "linear scan ms", "binary search ms", "speed-up", "same p");
        foreach (var n in new[] { 10_000L, 1_000_000L, 10_000_000L })
        {
            var k = (long)(n * 0.499); // just below the mean: the far tail is the upper half
            double fast = 0, naive = 0;
            var naiveSeconds = Measure.BestSeconds(3, () => naive = LinearScanPValue(k, n, 0.5));
            var fastSeconds = Measure.BestSeconds(3, () => fast = BinomialTest.Exact(k, n).PValue);
            table.AddRow(n.ToString("N0"), (naiveSeconds * 1000).ToString("F2"), (fastSeconds * 1000).ToString("F3"),
                (naiveSeconds / fastSeconds).ToString("N0") + "×", Math.Abs(fast - naive) <= 1e-12 * naive ? "yes" : $"no ({fast} vs {naive})");
        }
        AnsiConsole.Write(table);
    }

    /// <summary>R's binom.test: count every outcome on the far side whose probability is at most the observed one's.</summary>
    private static double LinearScanPValue(long x, long n, double p)
    {
        var logD = Tails.BinomialLogPmf(x, n, p) + Math.Log(1 + 1e-7);
        long y = 0;
        for (var i = (long)Math.Ceiling(n * p); i <= n; i++)
            if (Tails.BinomialLogPmf(i, n, p) <= logD) y++;
        return Math.Min(1, Tails.BinomialLower(x, n, p) + Tails.BinomialUpper(n - y + 1, n, p));
    }

    private static void BootstrapTable()
    {
        var table = new Table().AddColumns("n", "resamples", "percentile ms", "BCa ms", "BCa / percentile");
        var random = new Random(2);
        foreach (var n in new[] { 63, 1_000 })
        {
            var x = Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray();
            var percentile = Measure.BestSeconds(3, () => Bootstrap.MeanInterval(x, 10_000, 1, method: BootstrapMethod.Percentile));
            var bca = Measure.BestSeconds(3, () => Bootstrap.MeanInterval(x, 10_000, 1, method: BootstrapMethod.BCa));
            table.AddRow(n.ToString("N0"), "10,000", (percentile * 1000).ToString("F1"), (bca * 1000).ToString("F1"), (bca / percentile).ToString("F2"));
        }
        AnsiConsole.Write(table);
    }
}
