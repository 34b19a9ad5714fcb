namespace GraphRag.Statistics;

/// <summary>The exact binomial test (R's <c>binom.test</c>), with the Clopper–Pearson interval.</summary>
public static class BinomialTest
{
    public static TestResult Exact(long successes, long trials, double p = 0.5, Alternative alternative = Alternative.TwoSided,
        double confidenceLevel = 0.95)
    {
        Guard.Count(successes, trials, "successes", "trials");
        Guard.Probability(p, "p", openInterval: false);
        Guard.ConfidenceLevel(confidenceLevel);
        long x = successes, n = trials;
        var pValue = alternative switch
        {
            Alternative.Less => Tails.BinomialLower(x, n, p),
            Alternative.Greater => Tails.BinomialUpper(x, n, p),
            _ => TwoSided(x, n, p),
        };
        var (low, high) = ClopperPearson(x, n, confidenceLevel, alternative);
        var effect = new EffectSize("proportion of successes", (double)x / n, low, high)
        {
            ConfidenceLevel = confidenceLevel,
            NullValue = p,
            CiMethod = "Clopper–Pearson (exact)",
        };
        return new TestResult("Exact binomial test", "number of successes", x, pValue, effect) { Alternative = alternative };
    }

    /// <summary>
    /// R's two-sided p: the probability of every outcome no more likely than the observed one (with a
    /// relative tolerance of 1e-7). The pmf is monotone on each side of the mean, so the far-side count
    /// is found by binary search and huge n costs nothing.
    /// </summary>
    private static double TwoSided(long x, long n, double p)
    {
        if (p == 0) return x == 0 ? 1 : 0;
        if (p == 1) return x == n ? 1 : 0;
        var m = n * p;
        if (x == m) return 1;
        var logD = Tails.BinomialLogPmf(x, n, p) + Math.Log(1 + 1e-7);
        bool AtMostD(long i) => Tails.BinomialLogPmf(i, n, p) <= logD;
        if (x < m)
        {
            // First i in [ceil(m), n] with pmf(i) <= d (pmf non-increasing there).
            long lo = (long)Math.Ceiling(m), hi = n + 1;
            while (lo < hi)
            {
                var mid = lo + (hi - lo) / 2;
                if (AtMostD(mid)) hi = mid; else lo = mid + 1;
            }
            var y = n - lo + 1;
            return Math.Min(1, Tails.BinomialLower(x, n, p) + Tails.BinomialUpper(n - y + 1, n, p));
        }
        else
        {
            // Count of i in [0, floor(m)] with pmf(i) <= d (pmf non-decreasing there).
            long lo = 0, hi = (long)Math.Floor(m) + 1;
            while (lo < hi)
            {
                var mid = lo + (hi - lo) / 2;
                if (AtMostD(mid)) lo = mid + 1; else hi = mid;
            }
            var y = lo;
            return Math.Min(1, Tails.BinomialLower(y - 1, n, p) + Tails.BinomialUpper(x, n, p));
        }
    }

    public static (double Low, double High) ClopperPearson(long x, long n, double level, Alternative alternative = Alternative.TwoSided)
    {
        var alpha = alternative == Alternative.TwoSided ? (1 - level) / 2 : 1 - level;
        var low = x == 0 ? 0 : Tails.BetaQuantile(alpha, x, n - x + 1);
        var high = x == n ? 1 : Tails.BetaQuantile(1 - alpha, x + 1, n - x);
        return alternative switch
        {
            Alternative.Less => (0, high),
            Alternative.Greater => (low, 1),
            _ => (low, high),
        };
    }
}
