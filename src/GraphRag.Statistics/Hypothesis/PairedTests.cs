namespace GraphRag.Statistics;

/// <summary>Tests of paired samples (a[i] and b[i] measured on the same unit): all work on the differences a − b.</summary>
public static class PairedTests
{
    private const int ExactLimit = 50;
    private const int MaxExactPairs = 1000;
    private const int MaxEnumeratedPairs = 30;

    /// <summary>Paired t-test (R's <c>t.test(a, b, paired = TRUE)</c>); effects: mean difference and Cohen's d_z.</summary>
    public static TestResult TTest(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Alternative alternative = Alternative.TwoSided,
        double confidenceLevel = 0.95)
    {
        Guard.SameLength(a, b);
        Guard.Sample(a, "a", minimum: 2);
        Guard.Sample(b, "b", minimum: 2);
        var diff = Describe.Differences(a, b);
        var oneSample = TTests.OneSample(diff, 0, alternative, confidenceLevel);
        return oneSample with
        {
            MethodName = "Paired t-test",
            Effect = oneSample.Effect with { Name = "mean paired difference (a − b)" },
            SecondaryEffects = [StandardizedEffects.CohensDz(a, b, confidenceLevel)],
        };
    }

    /// <summary>
    /// Wilcoxon signed-rank test with R's defaults: V = sum of the ranks of the positive differences,
    /// zero differences dropped; exact p below 50 pairs without ties or zeros, otherwise the normal
    /// approximation with tie and continuity correction. The effect is the matched-pairs rank-biserial
    /// correlation (2V / S − 1) with a seeded percentile-bootstrap interval.
    /// </summary>
    public static TestResult WilcoxonSignedRank(ReadOnlySpan<double> a, ReadOnlySpan<double> b, PValueMethod method = PValueMethod.Auto,
        Alternative alternative = Alternative.TwoSided, bool continuityCorrection = true, double confidenceLevel = 0.95, int seed = 1)
    {
        Guard.SameLength(a, b);
        Guard.Sample(a, "a");
        Guard.Sample(b, "b");
        var all = Describe.Differences(a, b);
        var nonZero = all.Where(d => d != 0).ToArray();
        var hasZeros = nonZero.Length < all.Length;
        if (nonZero.Length == 0)
        {
            var none = new EffectSize("matched-pairs rank-biserial correlation", 0, 0, 0) { ConfidenceLevel = confidenceLevel, CiMethod = "degenerate: all differences are zero" };
            return new TestResult(method == PValueMethod.Exact ? "Wilcoxon signed rank exact test" : "Wilcoxon signed rank test with continuity correction",
                "V", 0, 1, none) { Alternative = alternative, Notes = ["All paired differences are zero: the samples are identical."] };
        }
        var n = nonZero.Length;
        var absolute = nonZero.Select(Math.Abs).ToArray();
        var ranks = Ranks.MidRanks(absolute, out var tieCorrection, out var hasTies);
        var v = 0.0;
        for (var i = 0; i < n; i++) if (nonZero[i] > 0) v += ranks[i];

        var exact = method switch
        {
            PValueMethod.Exact => true,
            PValueMethod.Approximate => false,
            _ => n < ExactLimit && !hasTies && !hasZeros,
        };
        if (exact && (hasTies || hasZeros))
            throw new ArgumentException("The exact signed-rank p-value needs differences without ties or zeros; use the normal approximation or a permutation test.");
        if (exact && n > MaxExactPairs)
            throw new ArgumentException($"The exact signed-rank distribution is limited to {MaxExactPairs} pairs; use the normal approximation.");

        double p;
        string name;
        if (exact)
        {
            p = RankDistributions.PValue(RankDistributions.SignedRank(n), (int)Math.Round(v), alternative);
            name = "Wilcoxon signed rank exact test";
        }
        else
        {
            var sigma = Math.Sqrt(n * (n + 1.0) * (2 * n + 1) / 24 - tieCorrection / 48);
            p = RankDistributions.NormalPValue(v - n * (n + 1.0) / 4, sigma, alternative, continuityCorrection);
            name = continuityCorrection ? "Wilcoxon signed rank test with continuity correction" : "Wilcoxon signed rank test";
        }
        var effect = RankBiserial(all, confidenceLevel, seed);
        var notes = hasZeros ? new[] { $"{all.Length - n} zero difference(s) dropped, as R does." } : [];
        return new TestResult(name, "V", v, p, effect) { Alternative = alternative, Notes = notes };
    }

    /// <summary>
    /// Randomisation test of the mean paired difference by sign flips: exact over all 2^n flips when that
    /// is at most <paramref name="iterations"/>, otherwise <paramref name="iterations"/> seeded random flips
    /// with p = (1 + hits) / (1 + iterations).
    /// </summary>
    public static TestResult PermutationTest(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int iterations = 10_000, int seed = 1,
        Alternative alternative = Alternative.TwoSided, double confidenceLevel = 0.95)
    {
        Guard.SameLength(a, b);
        Guard.Sample(a, "a");
        Guard.Sample(b, "b");
        Guard.Iterations(iterations);
        var diff = Describe.Differences(a, b);
        var n = diff.Length;
        var observed = Describe.Mean(diff);
        var counter = new ExtremeCounter(observed, alternative, TwoSampleTests.Scale(diff));
        string name;
        double p;
        if (n <= MaxEnumeratedPairs && Math.Pow(2, n) <= iterations)
        {
            for (long mask = 0; mask < 1L << n; mask++)
            {
                double sum = 0;
                for (var i = 0; i < n; i++) sum += (mask >> i & 1) == 0 ? diff[i] : -diff[i];
                counter.Add(sum / n);
            }
            p = counter.Hits / counter.Total;
            name = $"Paired permutation test of the mean difference (exact, 2^{n} sign flips)";
        }
        else
        {
            var random = new Random(seed);
            for (var r = 0; r < iterations; r++)
            {
                double sum = 0;
                for (var i = 0; i < n; i++) sum += random.Next(2) == 0 ? diff[i] : -diff[i];
                counter.Add(sum / n);
            }
            p = (counter.Hits + 1) / (counter.Total + 1);
            name = $"Paired permutation test of the mean difference (Monte Carlo, {iterations} random sign flips, seed {seed})";
        }
        var effect = n >= 2
            ? Bootstrap.MeanInterval(diff, 2000, seed, confidenceLevel, BootstrapMethod.Percentile).ToEffect() with { Name = "mean paired difference (a − b)" }
            : new EffectSize("mean paired difference (a − b)", observed, double.NaN, double.NaN) { CiMethod = "none: one pair gives no interval" };
        return new TestResult(name, "mean difference", observed, p, effect) { Alternative = alternative };
    }

    /// <summary>Matched-pairs rank-biserial correlation: (T+ − T−) / (T+ + T−) over the non-zero differences.</summary>
    public static double RankBiserial(ReadOnlySpan<double> differences)
    {
        var nonZero = new List<double>(differences.Length);
        foreach (var d in differences) if (d != 0) nonZero.Add(d);
        if (nonZero.Count == 0) return 0;
        var ranks = Ranks.MidRanks(nonZero.Select(Math.Abs).ToArray(), out _, out _);
        double positive = 0, total = 0;
        for (var i = 0; i < ranks.Length; i++)
        {
            total += ranks[i];
            if (nonZero[i] > 0) positive += ranks[i];
        }
        return 2 * positive / total - 1;
    }

    private static EffectSize RankBiserial(double[] differences, double level, int seed)
    {
        var estimate = RankBiserial(differences);
        if (differences.Length < 2)
            return new EffectSize("matched-pairs rank-biserial correlation", estimate, -1, 1) { ConfidenceLevel = level, CiMethod = "none: one pair gives no interval" };
        var interval = Bootstrap.Interval(differences, RankBiserial, "matched-pairs rank-biserial correlation", 2000, seed, level, BootstrapMethod.Percentile);
        return interval.ToEffect();
    }
}
