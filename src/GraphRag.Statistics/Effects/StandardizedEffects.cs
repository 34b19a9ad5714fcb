using MathNet.Numerics;

namespace GraphRag.Statistics;

/// <summary>
/// Standardized mean differences (Cohen's d, Hedges' g, d_z) with exact intervals found by inverting
/// the noncentral t distribution of the matching t statistic.
/// </summary>
public static class StandardizedEffects
{
    /// <summary>Cohen's d = (mean(a) − mean(b)) / pooled SD.</summary>
    public static EffectSize CohensD(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double confidenceLevel = 0.95)
    {
        var (d, scale, df) = Pooled(a, b);
        return FromT("Cohen's d", d, scale, df, confidenceLevel, correction: 1);
    }

    /// <summary>Hedges' g: Cohen's d times the exact small-sample bias correction J(df).</summary>
    public static EffectSize HedgesG(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double confidenceLevel = 0.95)
    {
        var (d, scale, df) = Pooled(a, b);
        return FromT("Hedges' g", d, scale, df, confidenceLevel, BiasCorrection(df));
    }

    /// <summary>Paired (within-subject) d_z = mean(a − b) / SD(a − b).</summary>
    public static EffectSize CohensDz(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double confidenceLevel = 0.95)
    {
        Guard.SameLength(a, b);
        var diff = Describe.Differences(a, b);
        Guard.Sample(diff, "a − b", minimum: 2);
        var sd = Describe.StandardDeviation(diff);
        if (sd == 0) throw new ArgumentException("The paired differences have zero variance: d_z is undefined.");
        var n = diff.Length;
        return FromT("Cohen's d_z", Describe.Mean(diff) / sd, 1 / Math.Sqrt(n), n - 1, confidenceLevel, correction: 1);
    }

    /// <summary>The exact small-sample correction J(df) = Γ(df/2) / (√(df/2) Γ((df − 1)/2)).</summary>
    public static double BiasCorrection(double df) =>
        Math.Exp(SpecialFunctions.GammaLn(df / 2) - 0.5 * Math.Log(df / 2) - SpecialFunctions.GammaLn((df - 1) / 2));

    private static (double D, double Scale, int Df) Pooled(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        Guard.Sample(a, "a", minimum: 2);
        Guard.Sample(b, "b", minimum: 2);
        int n1 = a.Length, n2 = b.Length, df = n1 + n2 - 2;
        var pooled = Math.Sqrt(((n1 - 1) * Describe.Variance(a) + (n2 - 1) * Describe.Variance(b)) / df);
        if (pooled == 0) throw new ArgumentException("Both samples have zero variance: a standardized difference is undefined.");
        return ((Describe.Mean(a) - Describe.Mean(b)) / pooled, Math.Sqrt(1.0 / n1 + 1.0 / n2), df);
    }

    /// <summary>d = t · scale, so the interval for d is the interval for the noncentrality times scale.</summary>
    private static EffectSize FromT(string name, double d, double scale, int df, double level, double correction)
    {
        Guard.ConfidenceLevel(level);
        var t = d / scale;
        var alpha = 1 - level;
        var ncpLow = NoncentralT.NoncentralityFor(t, df, 1 - alpha / 2);
        var ncpHigh = NoncentralT.NoncentralityFor(t, df, alpha / 2);
        return new EffectSize(name, correction * d, correction * ncpLow * scale, correction * ncpHigh * scale)
        {
            ConfidenceLevel = level,
            CiMethod = "exact, by inverting the noncentral t distribution",
        };
    }
}
