namespace GraphRag.Statistics;

public enum TTestDesign
{
    TwoSample,
    OneSample,
    Paired,
}

/// <summary>
/// The power of a test, or the sample size for a wanted power. <see cref="N"/> is per group for two
/// samples and the number of pairs for paired designs; <see cref="RequiredN"/> rounds it up.
/// </summary>
public sealed record PowerResult(string Method, double N, double Power, double Alpha, string Effect)
{
    public long RequiredN => (long)Math.Ceiling(N - 1e-9);
    public bool TwoSided { get; init; } = true;
    public string NMeaning { get; init; } = "per group";
}

/// <summary>
/// Power and sample size as R's <c>power.t.test</c> (noncentral t) and <c>power.prop.test</c>
/// (normal approximation), both with <c>strict = FALSE</c>.
/// </summary>
public static class PowerAnalysis
{
    private const double MaxN = 1e9;

    public static PowerResult TTestPower(double n, double delta, double sd = 1, double alpha = 0.05,
        TTestDesign design = TTestDesign.TwoSample, bool twoSided = true)
    {
        if (!(n >= 2)) throw new ArgumentException($"n must be at least 2 (got {n}).", nameof(n));
        CheckTTest(delta, sd, alpha);
        return new PowerResult(TTestName(design), n, TPower(n, delta, sd, alpha, design, twoSided), alpha, $"delta = {delta:G6}, sd = {sd:G6}")
        {
            TwoSided = twoSided,
            NMeaning = NMeaningOf(design),
        };
    }

    public static PowerResult TTestSampleSize(double delta, double power, double sd = 1, double alpha = 0.05,
        TTestDesign design = TTestDesign.TwoSample, bool twoSided = true)
    {
        CheckTTest(delta, sd, alpha);
        CheckPower(power, alpha);
        var n = SolveN(m => TPower(m, delta, sd, alpha, design, twoSided) - power);
        return new PowerResult(TTestName(design), n, power, alpha, $"delta = {delta:G6}, sd = {sd:G6}")
        {
            TwoSided = twoSided,
            NMeaning = NMeaningOf(design),
        };
    }

    public static PowerResult ProportionsPower(double n, double p1, double p2, double alpha = 0.05, bool twoSided = true)
    {
        if (!(n >= 2)) throw new ArgumentException($"n must be at least 2 (got {n}).", nameof(n));
        CheckProportions(p1, p2, alpha);
        return new PowerResult("Two-sample comparison of proportions power calculation", n, PropPower(n, p1, p2, alpha, twoSided), alpha,
            $"p1 = {p1:G6}, p2 = {p2:G6}") { TwoSided = twoSided };
    }

    public static PowerResult ProportionsSampleSize(double p1, double p2, double power, double alpha = 0.05, bool twoSided = true)
    {
        CheckProportions(p1, p2, alpha);
        CheckPower(power, alpha);
        var n = SolveN(m => PropPower(m, p1, p2, alpha, twoSided) - power);
        return new PowerResult("Two-sample comparison of proportions power calculation", n, power, alpha, $"p1 = {p1:G6}, p2 = {p2:G6}")
        {
            TwoSided = twoSided,
        };
    }

    private static double TPower(double n, double delta, double sd, double alpha, TTestDesign design, bool twoSided)
    {
        var groups = design == TTestDesign.TwoSample ? 2 : 1;
        var df = (n - 1) * groups;
        var critical = Tails.StudentTQuantile(1 - alpha / (twoSided ? 2 : 1), df);
        var ncp = Math.Sqrt(n / groups) * Math.Abs(delta) / sd;
        return 1 - NoncentralT.Cdf(critical, df, ncp);
    }

    private static double PropPower(double n, double p1, double p2, double alpha, bool twoSided)
    {
        var z = Tails.NormalQuantile(1 - alpha / (twoSided ? 2 : 1));
        var numerator = Math.Sqrt(n) * Math.Abs(p1 - p2) - z * Math.Sqrt((p1 + p2) * (1 - (p1 + p2) / 2));
        return Tails.NormalLower(numerator / Math.Sqrt(p1 * (1 - p1) + p2 * (1 - p2)));
    }

    private static double SolveN(Func<double, double> powerGap)
    {
        if (powerGap(2) >= 0) return 2;
        if (powerGap(MaxN) < 0)
            throw new ArgumentException($"Even {MaxN:G3} per group does not reach that power: the effect is too small to detect.");
        return Roots.Solve(powerGap, 2, MaxN);
    }

    private static string TTestName(TTestDesign design) => design switch
    {
        TTestDesign.OneSample => "One-sample t test power calculation",
        TTestDesign.Paired => "Paired t test power calculation",
        _ => "Two-sample t test power calculation",
    };

    private static string NMeaningOf(TTestDesign design) => design switch
    {
        TTestDesign.OneSample => "observations",
        TTestDesign.Paired => "pairs",
        _ => "per group",
    };

    private static void CheckTTest(double delta, double sd, double alpha)
    {
        if (!(delta != 0) || !double.IsFinite(delta)) throw new ArgumentException($"delta must be a non-zero finite difference (got {delta}).", nameof(delta));
        Guard.Positive(sd, "sd");
        Guard.Probability(alpha, "alpha");
    }

    private static void CheckProportions(double p1, double p2, double alpha)
    {
        Guard.Probability(p1, "p1");
        Guard.Probability(p2, "p2");
        if (p1 == p2) throw new ArgumentException("p1 and p2 are equal: there is no difference to detect.");
        Guard.Probability(alpha, "alpha");
    }

    private static void CheckPower(double power, double alpha)
    {
        Guard.Probability(power, "power");
        if (power <= alpha) throw new ArgumentException($"The wanted power ({power}) must exceed alpha ({alpha}).");
    }
}
