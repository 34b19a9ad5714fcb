namespace GraphRag.Statistics;

/// <summary>Numerically careful descriptive statistics (two-pass variance).</summary>
public static class Describe
{
    public static double Mean(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        foreach (var v in x) sum += v;
        var mean = sum / x.Length;
        // One refinement pass removes most of the rounding error of the naive sum.
        var correction = 0.0;
        foreach (var v in x) correction += v - mean;
        return mean + correction / x.Length;
    }

    /// <summary>Sample variance with denominator n − 1.</summary>
    public static double Variance(ReadOnlySpan<double> x)
    {
        var mean = Mean(x);
        double sum = 0, compensation = 0;
        foreach (var v in x)
        {
            var d = v - mean;
            sum += d * d;
            compensation += d;
        }
        return (sum - compensation * compensation / x.Length) / (x.Length - 1);
    }

    public static double StandardDeviation(ReadOnlySpan<double> x) => Math.Sqrt(Variance(x));

    public static double Median(ReadOnlySpan<double> x)
    {
        var sorted = x.ToArray();
        Array.Sort(sorted);
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public static double[] Differences(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var d = new double[a.Length];
        for (var i = 0; i < d.Length; i++) d[i] = a[i] - b[i];
        return d;
    }

    /// <summary>True when the values are constant up to rounding (relative to their size), as R's t.test checks.</summary>
    public static bool IsEssentiallyConstant(double standardError, double scale) =>
        standardError < 10 * double.Epsilon || standardError <= 10 * 2.220446049250313e-16 * Math.Abs(scale);
}
