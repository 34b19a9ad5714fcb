namespace GraphRag.Statistics;

/// <summary>Confidence intervals for one proportion.</summary>
public static class ProportionInterval
{
    /// <summary>
    /// Wilson's score interval: the proportions p whose score test against the observed count is not
    /// rejected. Unlike the Wald interval it stays inside [0, 1] and keeps close to its nominal
    /// coverage for small counts and for proportions near 0 or 1, which is why it is used for
    /// precision and recall on a few dozen items. R: <c>prop.test(x, n, correct = FALSE)$conf.int</c>.
    /// </summary>
    public static (double Low, double High) Wilson(long events, long total, double confidenceLevel = 0.95)
    {
        Guard.Count(events, total, "events", "total");
        Guard.ConfidenceLevel(confidenceLevel);
        var z = Tails.NormalQuantile(1 - (1 - confidenceLevel) / 2);
        var p = (double)events / total;
        var z2n = z * z / total;
        var centre = p + z2n / 2;
        var halfWidth = z * Math.Sqrt(p * (1 - p) / total + z2n / (4 * total));
        var scale = 1 + z2n;
        // At 0 or n events the bound on that side is exactly 0 or 1; the formula reaches it only up to rounding.
        var low = events == 0 ? 0 : (centre - halfWidth) / scale;
        var high = events == total ? 1 : (centre + halfWidth) / scale;
        return (low, high);
    }
}
