namespace GraphRag.Statistics;

/// <summary>
/// Cliff's delta, P(a &gt; b) − P(a &lt; b), with Cliff's (1993) unbiased variance and his asymmetric
/// interval. Computed from sorted samples in O(n log n), so huge samples are fine.
/// </summary>
public static class CliffsDelta
{
    public static EffectSize Compute(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double confidenceLevel = 0.95)
    {
        Guard.Sample(a, "a");
        Guard.Sample(b, "b");
        Guard.ConfidenceLevel(confidenceLevel);
        int n1 = a.Length, n2 = b.Length;
        var sortedA = a.ToArray();
        var sortedB = b.ToArray();
        Array.Sort(sortedA);
        Array.Sort(sortedB);

        var rowDominance = Dominance(a, sortedB);   // d_i. for each a_i
        var colDominance = Dominance(b, sortedA);   // −d_.j for each b_j (sign irrelevant for squares)
        double d = 0;
        foreach (var v in rowDominance) d += v;
        d /= n1;

        var name = "Cliff's delta (a vs b)";
        if (n1 < 2 || n2 < 2)
        {
            return new EffectSize(name, d, -1, 1)
            {
                ConfidenceLevel = confidenceLevel,
                CiMethod = "none: each sample needs 2 observations for an interval",
            };
        }
        if (Math.Abs(d) == 1)
        {
            // Complete separation makes Cliff's variance 0 and his interval a point. Treat one of the
            // n1·n2 comparisons as a tie for the lower limit: conservative, and said so.
            var shrunk = Math.Sign(d) * (1 - 1.0 / ((double)n1 * n2));
            var (low, high) = Interval(shrunk, (1 - shrunk * shrunk) / ((double)n1 * n2 - 1), confidenceLevel);
            return new EffectSize(name, d, d > 0 ? low : -1, d > 0 ? 1 : high)
            {
                ConfidenceLevel = confidenceLevel,
                CiMethod = "Cliff (1993) interval for complete separation, computed as if one comparison were tied",
            };
        }
        double rowSs = 0, colSs = 0;
        foreach (var v in rowDominance) rowSs += (v - d) * (v - d);
        foreach (var v in colDominance) colSs += (v + d) * (v + d);
        var nonTiedPairs = (double)n1 * n2 - TiedPairs(sortedA, sortedB);
        var cellSs = nonTiedPairs - (double)n1 * n2 * d * d;
        var variance = ((double)n2 * n2 * rowSs + (double)n1 * n1 * colSs - cellSs) / ((double)n1 * n2 * (n1 - 1) * (n2 - 1));
        variance = Math.Max(variance, (1 - d * d) / ((double)n1 * n2 - 1));
        var (ciLow, ciHigh) = Interval(d, variance, confidenceLevel);
        return new EffectSize(name, d, ciLow, ciHigh)
        {
            ConfidenceLevel = confidenceLevel,
            CiMethod = "Cliff (1993) asymmetric interval, unbiased variance",
        };
    }

    private static (double Low, double High) Interval(double d, double variance, double confidenceLevel)
    {
        var z = Tails.NormalQuantile(1 - (1 - confidenceLevel) / 2);
        var spread = z * Math.Sqrt(variance) * Math.Sqrt((1 - d * d) * (1 - d * d) + z * z * variance);
        var denominator = 1 - d * d + z * z * variance;
        return ((d - d * d * d - spread) / denominator, (d - d * d * d + spread) / denominator);
    }

    /// <summary>For each x: (#other &lt; x − #other &gt; x) / n_other.</summary>
    private static double[] Dominance(ReadOnlySpan<double> values, double[] sortedOther)
    {
        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var below = LowerBound(sortedOther, values[i]);
            var above = sortedOther.Length - UpperBound(sortedOther, values[i]);
            result[i] = (double)(below - above) / sortedOther.Length;
        }
        return result;
    }

    private static double TiedPairs(double[] sortedA, double[] sortedB)
    {
        double tied = 0;
        foreach (var v in sortedA) tied += UpperBound(sortedB, v) - LowerBound(sortedB, v);
        return tied;
    }

    private static int LowerBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static int UpperBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
