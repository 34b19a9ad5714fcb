namespace GraphRag.Statistics;

/// <summary>Tests of two independent samples that do not assume normality.</summary>
public static class TwoSampleTests
{
    private const int ExactLimit = 50;
    private const int MaxExactObservations = 200;

    /// <summary>
    /// Mann–Whitney U (Wilcoxon rank-sum) with R's defaults: the statistic is W = Σ ranks(a) − n1(n1+1)/2;
    /// exact p when both samples have fewer than 50 observations and no ties, otherwise the normal
    /// approximation with tie and continuity correction. The effect is Cliff's delta.
    /// </summary>
    public static TestResult MannWhitney(ReadOnlySpan<double> a, ReadOnlySpan<double> b, PValueMethod method = PValueMethod.Auto,
        Alternative alternative = Alternative.TwoSided, bool continuityCorrection = true, double confidenceLevel = 0.95)
    {
        Guard.Sample(a, "a");
        Guard.Sample(b, "b");
        int n1 = a.Length, n2 = b.Length;
        var pooled = new double[n1 + n2];
        a.CopyTo(pooled);
        b.CopyTo(pooled.AsSpan(n1));
        var ranks = Ranks.MidRanks(pooled, out var tieCorrection, out var hasTies);
        double rankSum = 0;
        for (var i = 0; i < n1; i++) rankSum += ranks[i];
        var w = rankSum - n1 * (n1 + 1.0) / 2;
        var effect = CliffsDelta.Compute(a, b, confidenceLevel);

        var exact = method switch
        {
            PValueMethod.Exact => true,
            PValueMethod.Approximate => false,
            _ => n1 < ExactLimit && n2 < ExactLimit && !hasTies,
        };
        if (exact && hasTies)
            throw new ArgumentException("The exact Mann–Whitney p-value needs samples without ties; use the normal approximation or a permutation test.");
        if (exact && n1 + n2 > MaxExactObservations)
            throw new ArgumentException($"The exact Mann–Whitney distribution is limited to {MaxExactObservations} observations in all; use the normal approximation.");

        double p;
        string name;
        var notes = new List<string>();
        if (exact)
        {
            p = RankDistributions.PValue(RankDistributions.RankSum(n1, n2), (int)Math.Round(w), alternative);
            name = "Wilcoxon rank sum exact test";
        }
        else
        {
            double n = n1 + n2;
            var sigma = Math.Sqrt(n1 * (double)n2 / 12 * (n + 1 - tieCorrection / (n * (n - 1))));
            name = continuityCorrection ? "Wilcoxon rank sum test with continuity correction" : "Wilcoxon rank sum test";
            if (sigma == 0)
            {
                p = 1;
                notes.Add("All observations are tied: the data show no shift at all.");
            }
            else
            {
                p = RankDistributions.NormalPValue(w - n1 * (double)n2 / 2, sigma, alternative, continuityCorrection);
            }
        }
        return new TestResult(name, "W", w, p, effect) { Alternative = alternative, Notes = notes };
    }

    /// <summary>
    /// Randomisation test of mean(a) − mean(b): exact over all C(n1+n2, n1) splits when there are at most
    /// <paramref name="iterations"/> of them, otherwise <paramref name="iterations"/> seeded random splits
    /// with p = (1 + hits) / (1 + iterations).
    /// </summary>
    public static TestResult PermutationTest(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int iterations = 10_000, int seed = 1,
        Alternative alternative = Alternative.TwoSided, double confidenceLevel = 0.95)
    {
        Guard.Sample(a, "a");
        Guard.Sample(b, "b");
        Guard.Iterations(iterations);
        int n1 = a.Length, n2 = b.Length;
        var pooled = new double[n1 + n2];
        a.CopyTo(pooled);
        b.CopyTo(pooled.AsSpan(n1));
        double total = 0;
        foreach (var v in pooled) total += v;
        var observed = Describe.Mean(a) - Describe.Mean(b);
        var counter = new ExtremeCounter(observed, alternative, Scale(pooled));
        double Statistic(double sumA) => sumA / n1 - (total - sumA) / n2;

        var arrangements = Math.Exp(Tails.LogChoose(n1 + n2, n1));
        string name;
        double p;
        if (arrangements <= iterations)
        {
            EnumerateSubsetSums(pooled, n1, 0, 0, 0, sum => counter.Add(Statistic(sum)));
            p = counter.Hits / counter.Total;
            name = $"Two-sample permutation test of the mean difference (exact, {counter.Total:0} splits)";
        }
        else
        {
            var random = new Random(seed);
            var work = (double[])pooled.Clone();
            for (var r = 0; r < iterations; r++)
            {
                // Partial Fisher–Yates: the first n1 slots become a random group a.
                double sum = 0;
                for (var i = 0; i < n1; i++)
                {
                    var j = random.Next(i, work.Length);
                    (work[i], work[j]) = (work[j], work[i]);
                    sum += work[i];
                }
                counter.Add(Statistic(sum));
            }
            p = (counter.Hits + 1) / (counter.Total + 1);
            name = $"Two-sample permutation test of the mean difference (Monte Carlo, {iterations} random splits, seed {seed})";
        }
        var effect = n1 >= 2 && n2 >= 2
            ? Bootstrap.MeanDifferenceInterval(a, b, 2000, seed, confidenceLevel)
            : new EffectSize("mean difference (a − b)", observed, double.NaN, double.NaN) { CiMethod = "none: each sample needs 2 observations" };
        return new TestResult(name, "mean difference", observed, p, effect) { Alternative = alternative };
    }

    private static void EnumerateSubsetSums(double[] values, int pick, int start, int picked, double sum, Action<double> visit)
    {
        if (picked == pick)
        {
            visit(sum);
            return;
        }
        for (var i = start; i <= values.Length - (pick - picked); i++)
            EnumerateSubsetSums(values, pick, i + 1, picked + 1, sum + values[i], visit);
    }

    internal static double Scale(ReadOnlySpan<double> values)
    {
        double max = 0;
        foreach (var v in values) max = Math.Max(max, Math.Abs(v));
        return max;
    }
}

/// <summary>Counts permuted statistics at least as extreme as the observed one, with a tolerance for rounding.</summary>
internal sealed class ExtremeCounter(double observed, Alternative alternative, double scale)
{
    // Sums in a different order differ by a few ulps; without a tolerance the observed arrangement may not count itself.
    private readonly double tolerance = 1e-9 * Math.Max(scale, 1e-300);

    public double Hits { get; private set; }
    public double Total { get; private set; }

    public void Add(double statistic)
    {
        Total++;
        var extreme = alternative switch
        {
            Alternative.Greater => statistic >= observed - tolerance,
            Alternative.Less => statistic <= observed + tolerance,
            _ => Math.Abs(statistic) >= Math.Abs(observed) - tolerance,
        };
        if (extreme) Hits++;
    }
}
