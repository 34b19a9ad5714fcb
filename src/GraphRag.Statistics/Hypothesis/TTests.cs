namespace GraphRag.Statistics;

/// <summary>One- and two-sample t-tests as R's <c>t.test</c> (Welch by default, Student with <c>equalVariance</c>).</summary>
public static class TTests
{
    public static TestResult OneSample(ReadOnlySpan<double> x, double mu = 0, Alternative alternative = Alternative.TwoSided, double confidenceLevel = 0.95)
    {
        Guard.Sample(x, "x", minimum: 2);
        Guard.ConfidenceLevel(confidenceLevel);
        var n = x.Length;
        var mean = Describe.Mean(x);
        var se = Math.Sqrt(Describe.Variance(x) / n);
        if (Describe.IsEssentiallyConstant(se, mean))
            throw new ArgumentException("The data are essentially constant: a t-test needs some variation.");
        return Build("One Sample t-test", (mean - mu) / se, n - 1, mean - mu, se, alternative, confidenceLevel, "mean − μ0");
    }

    public static TestResult TwoSample(ReadOnlySpan<double> a, ReadOnlySpan<double> b, bool equalVariance = false,
        Alternative alternative = Alternative.TwoSided, double confidenceLevel = 0.95)
    {
        Guard.Sample(a, "a", minimum: equalVariance ? 1 : 2);
        Guard.Sample(b, "b", minimum: equalVariance ? 1 : 2);
        if (equalVariance && a.Length + b.Length < 3)
            throw new ArgumentException("Student's t-test needs at least 3 observations in all.");
        Guard.ConfidenceLevel(confidenceLevel);
        int n1 = a.Length, n2 = b.Length;
        double m1 = Describe.Mean(a), m2 = Describe.Mean(b);
        var v1 = n1 > 1 ? Describe.Variance(a) : 0;
        var v2 = n2 > 1 ? Describe.Variance(b) : 0;
        double se, df;
        if (equalVariance)
        {
            df = n1 + n2 - 2;
            var pooled = ((n1 - 1) * v1 + (n2 - 1) * v2) / df;
            se = Math.Sqrt(pooled * (1.0 / n1 + 1.0 / n2));
        }
        else
        {
            double s1 = v1 / n1, s2 = v2 / n2;
            se = Math.Sqrt(s1 + s2);
            df = (s1 + s2) * (s1 + s2) / (s1 * s1 / (n1 - 1) + s2 * s2 / (n2 - 1));
        }
        if (Describe.IsEssentiallyConstant(se, Math.Max(Math.Abs(m1), Math.Abs(m2))))
            throw new ArgumentException("The data are essentially constant: a t-test needs some variation.");
        var method = equalVariance ? "Two Sample t-test" : "Welch Two Sample t-test";
        var result = Build(method, (m1 - m2) / se, df, m1 - m2, se, alternative, confidenceLevel, "mean difference (a − b)");
        if (n1 < 2 || n2 < 2) return result;
        return result with
        {
            SecondaryEffects = [StandardizedEffects.CohensD(a, b, confidenceLevel), StandardizedEffects.HedgesG(a, b, confidenceLevel)],
        };
    }

    /// <summary>The p-value and t-based interval of an estimate with standard error <paramref name="se"/>.</summary>
    internal static TestResult Build(string method, double t, double df, double estimate, double se, Alternative alternative,
        double level, string effectName)
    {
        var p = alternative switch
        {
            Alternative.Less => Tails.StudentTLower(t, df),
            Alternative.Greater => Tails.StudentTUpper(t, df),
            _ => Tails.StudentTTwoSided(t, df),
        };
        double low, high;
        switch (alternative)
        {
            case Alternative.Less:
                low = double.NegativeInfinity;
                high = estimate + Tails.StudentTQuantile(level, df) * se;
                break;
            case Alternative.Greater:
                low = estimate - Tails.StudentTQuantile(level, df) * se;
                high = double.PositiveInfinity;
                break;
            default:
                var q = Tails.StudentTQuantile(1 - (1 - level) / 2, df);
                low = estimate - q * se;
                high = estimate + q * se;
                break;
        }
        var effect = new EffectSize(effectName, estimate, low, high)
        {
            ConfidenceLevel = level,
            CiMethod = $"t interval, df = {df:G6}",
        };
        return new TestResult(method, "t", t, p, effect) { Alternative = alternative, DegreesOfFreedom = df };
    }
}
