namespace GraphRag.Statistics;

/// <summary>
/// Tests comparing two proportions, group A (the reference) against group B. Effects and the
/// one-sided alternatives are stated as B relative to A (Greater: B's rate is higher).
/// </summary>
public static class ProportionTests
{
    /// <summary>Two-proportion z-test with the pooled standard error (z² equals the chi-square without Yates).</summary>
    public static TestResult ZTest(Proportion a, Proportion b, Alternative alternative = Alternative.TwoSided, double confidenceLevel = 0.95)
    {
        var pooled = (double)(a.Events + b.Events) / (a.Total + b.Total);
        var se = Math.Sqrt(pooled * (1 - pooled) * (1.0 / a.Total + 1.0 / b.Total));
        var effect = ProportionEffects.RiskDifference(a, b, confidenceLevel);
        var notes = new List<string>();
        double z, p;
        if (se == 0)
        {
            z = 0;
            p = 1;
            notes.Add("Both groups have rate 0 or both have rate 1: there is no variation to test.");
        }
        else
        {
            z = (b.Rate - a.Rate) / se;
            p = alternative switch
            {
                Alternative.Less => Tails.NormalLower(z),
                Alternative.Greater => Tails.NormalUpper(z),
                _ => Tails.NormalTwoSided(z),
            };
        }
        return new TestResult("Two-proportion z-test (pooled standard error)", "z", z, p, effect) { Alternative = alternative, Notes = notes };
    }

    /// <summary>Pearson's chi-square test of the 2×2 table, optionally with Yates' continuity correction (as R's chisq.test).</summary>
    public static TestResult ChiSquare(Proportion a, Proportion b, bool yates, double confidenceLevel = 0.95)
    {
        double[] observed = [a.Events, a.NonEvents, b.Events, b.NonEvents];
        double n = a.Total + b.Total;
        double events = a.Events + b.Events, nonEvents = a.NonEvents + b.NonEvents;
        double[] expected = [a.Total * events / n, a.Total * nonEvents / n, b.Total * events / n, b.Total * nonEvents / n];
        var notes = new List<string>();
        double statistic = 0;
        if (events == 0 || nonEvents == 0)
        {
            notes.Add("Every trial had the same outcome: the chi-square statistic is 0.");
        }
        else
        {
            // |O − E| is the same in all four cells of a 2×2 table; R caps the correction at it.
            var correction = yates ? Math.Min(0.5, Math.Abs(observed[0] - expected[0])) : 0;
            for (var i = 0; i < 4; i++)
            {
                var deviation = Math.Abs(observed[i] - expected[i]) - correction;
                statistic += deviation * deviation / expected[i];
            }
            if (expected.Min() < 5)
                notes.Add($"Smallest expected count is {expected.Min():G3} (< 5): the chi-square approximation may be poor; prefer Fisher's exact test.");
        }
        var method = yates ? "Pearson's Chi-squared test with Yates' continuity correction" : "Pearson's Chi-squared test";
        return new TestResult(method, "X-squared", statistic, Tails.ChiSquareUpper(statistic, 1), ProportionEffects.RiskDifference(a, b, confidenceLevel))
        {
            DegreesOfFreedom = 1,
            Notes = notes,
        };
    }

    /// <summary>Fisher's exact test of the 2×2 table (R's fisher.test): p, conditional MLE odds ratio and its exact interval.</summary>
    public static TestResult Fisher(Proportion a, Proportion b, Alternative alternative = Alternative.TwoSided, double confidenceLevel = 0.95)
    {
        Guard.ConfidenceLevel(confidenceLevel);
        var table = new NoncentralHypergeometric(b.Events, b.Total, a.Total, a.Events + b.Events);
        var p = alternative switch
        {
            Alternative.Less => table.LowerTail(table.Observed, 1),
            Alternative.Greater => table.UpperTail(table.Observed, 1),
            _ => table.TwoSidedPValue(),
        };
        double low, high;
        switch (alternative)
        {
            case Alternative.Less:
                (low, high) = (0, table.UpperLimit(1 - confidenceLevel));
                break;
            case Alternative.Greater:
                (low, high) = (table.LowerLimit(1 - confidenceLevel), double.PositiveInfinity);
                break;
            default:
                var alpha = (1 - confidenceLevel) / 2;
                (low, high) = (table.LowerLimit(alpha), table.UpperLimit(alpha));
                break;
        }
        var effect = new EffectSize("odds ratio (B vs A, conditional MLE)", table.ConditionalMle(), low, high)
        {
            ConfidenceLevel = confidenceLevel,
            NullValue = 1,
            CiMethod = "exact conditional (Fisher)",
        };
        return new TestResult("Fisher's Exact Test for Count Data", "events in B", b.Events, p, effect) { Alternative = alternative };
    }
}
