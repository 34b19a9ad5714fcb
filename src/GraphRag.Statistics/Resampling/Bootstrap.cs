namespace GraphRag.Statistics;

public enum BootstrapMethod
{
    Percentile,
    /// <summary>Bias-corrected and accelerated (Efron 1987): adjusts the percentiles for bias and skew.</summary>
    BCa,
}

/// <summary>A bootstrap confidence interval and how it was made (so it can be reproduced).</summary>
public sealed record BootstrapResult(string StatisticName, double Estimate, double CiLow, double CiHigh)
{
    public BootstrapMethod Method { get; init; }
    public double ConfidenceLevel { get; init; } = 0.95;
    public int Iterations { get; init; }
    public int Seed { get; init; }
    /// <summary>The standard deviation of the bootstrap replicates.</summary>
    public double StandardError { get; init; }

    public EffectSize ToEffect() => new(StatisticName, Estimate, CiLow, CiHigh)
    {
        ConfidenceLevel = ConfidenceLevel,
        CiMethod = $"{(Method == BootstrapMethod.BCa ? "BCa" : "percentile")} bootstrap, {Iterations} resamples, seed {Seed}",
    };
}

/// <summary>Seeded bootstrap confidence intervals (percentile and BCa) for any statistic of one sample.</summary>
public static class Bootstrap
{
    public static BootstrapResult MeanInterval(ReadOnlySpan<double> x, int iterations = 10_000, int seed = 1,
        double confidenceLevel = 0.95, BootstrapMethod method = BootstrapMethod.BCa) =>
        Interval(x, Describe.Mean, "mean", iterations, seed, confidenceLevel, method);

    public static BootstrapResult MedianInterval(ReadOnlySpan<double> x, int iterations = 10_000, int seed = 1,
        double confidenceLevel = 0.95, BootstrapMethod method = BootstrapMethod.BCa) =>
        Interval(x, Describe.Median, "median", iterations, seed, confidenceLevel, method);

    public static BootstrapResult Interval(ReadOnlySpan<double> x, Func<ReadOnlySpan<double>, double> statistic, string statisticName,
        int iterations = 10_000, int seed = 1, double confidenceLevel = 0.95, BootstrapMethod method = BootstrapMethod.BCa)
    {
        Guard.Sample(x, "x", minimum: 2);
        Guard.Iterations(iterations);
        Guard.ConfidenceLevel(confidenceLevel);
        var estimate = statistic(x);
        var replicates = new double[iterations];
        var random = new Random(seed);
        var resample = new double[x.Length];
        for (var r = 0; r < iterations; r++)
        {
            for (var i = 0; i < resample.Length; i++) resample[i] = x[random.Next(x.Length)];
            replicates[r] = statistic(resample);
        }
        Array.Sort(replicates);
        var alpha = (1 - confidenceLevel) / 2;
        double lowLevel = alpha, highLevel = 1 - alpha;
        if (method == BootstrapMethod.BCa && replicates[0] != replicates[^1])
            (lowLevel, highLevel) = BcaLevels(x, statistic, estimate, replicates, alpha);
        return new BootstrapResult(statisticName, estimate, Quantile(replicates, lowLevel), Quantile(replicates, highLevel))
        {
            Method = method,
            ConfidenceLevel = confidenceLevel,
            Iterations = iterations,
            Seed = seed,
            StandardError = Describe.StandardDeviation(replicates),
        };
    }

    /// <summary>Percentile interval of mean(a) − mean(b), resampling each group separately.</summary>
    public static EffectSize MeanDifferenceInterval(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int iterations, int seed, double confidenceLevel = 0.95)
    {
        Guard.Iterations(iterations);
        var replicates = new double[iterations];
        var random = new Random(seed);
        for (var r = 0; r < iterations; r++)
            replicates[r] = ResampledMean(a, random) - ResampledMean(b, random);
        Array.Sort(replicates);
        var alpha = (1 - confidenceLevel) / 2;
        return new EffectSize("mean difference (a − b)", Describe.Mean(a) - Describe.Mean(b),
            Quantile(replicates, alpha), Quantile(replicates, 1 - alpha))
        {
            ConfidenceLevel = confidenceLevel,
            CiMethod = $"percentile bootstrap within groups, {iterations} resamples, seed {seed}",
        };
    }

    private static double ResampledMean(ReadOnlySpan<double> x, Random random)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++) sum += x[random.Next(x.Length)];
        return sum / x.Length;
    }

    /// <summary>BCa's adjusted percentile levels: bias z0 from the replicates, acceleration from the jackknife.</summary>
    private static (double Low, double High) BcaLevels(ReadOnlySpan<double> x, Func<ReadOnlySpan<double>, double> statistic,
        double estimate, double[] sortedReplicates, double alpha)
    {
        var below = 0;
        while (below < sortedReplicates.Length && sortedReplicates[below] < estimate) below++;
        var z0 = Tails.NormalQuantile(Math.Clamp((double)below / sortedReplicates.Length, 1e-10, 1 - 1e-10));

        var n = x.Length;
        var jack = new double[n];
        var leaveOneOut = new double[n - 1];
        for (var i = 0; i < n; i++)
        {
            x[..i].CopyTo(leaveOneOut);
            x[(i + 1)..].CopyTo(leaveOneOut.AsSpan(i));
            jack[i] = statistic(leaveOneOut);
        }
        var jackMean = Describe.Mean(jack);
        double num = 0, den = 0;
        foreach (var j in jack)
        {
            var d = jackMean - j;
            num += d * d * d;
            den += d * d;
        }
        var acceleration = den == 0 ? 0 : num / (6 * Math.Pow(den, 1.5));

        double Adjust(double level)
        {
            var z = Tails.NormalQuantile(level);
            return Tails.NormalLower(z0 + (z0 + z) / (1 - acceleration * (z0 + z)));
        }
        return (Adjust(alpha), Adjust(1 - alpha));
    }

    /// <summary>Linear interpolation between order statistics (R's quantile type 7).</summary>
    internal static double Quantile(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * Math.Clamp(p, 0, 1);
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
