using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace GraphRag.Statistics;

/// <summary>
/// Distribution tails computed without the 1 − CDF cancellation that rounds small p-values to 0:
/// upper tails come straight from complementary special functions (erfc, the regularized
/// incomplete beta and upper gamma functions).
/// </summary>
public static class Tails
{
    /// <summary>P(Z &gt; z) for a standard normal.</summary>
    public static double NormalUpper(double z) => 0.5 * SpecialFunctions.Erfc(z / Math.Sqrt(2));

    /// <summary>P(Z &lt; z) for a standard normal.</summary>
    public static double NormalLower(double z) => NormalUpper(-z);

    public static double NormalTwoSided(double z) => Math.Min(1, 2 * NormalUpper(Math.Abs(z)));

    /// <summary>P(T &gt; t) for Student's t with <paramref name="df"/> degrees of freedom.</summary>
    public static double StudentTUpper(double t, double df)
    {
        if (double.IsPositiveInfinity(df)) return NormalUpper(t);
        // P(|T| > |t|) = I_{df/(df+t²)}(df/2, 1/2), which keeps full relative precision for large |t|.
        var half = 0.5 * SpecialFunctions.BetaRegularized(df / 2, 0.5, df / (df + t * t));
        return t >= 0 ? half : 1 - half;
    }

    public static double StudentTLower(double t, double df) => StudentTUpper(-t, df);

    public static double StudentTTwoSided(double t, double df) => Math.Min(1, 2 * StudentTUpper(Math.Abs(t), df));

    /// <summary>P(X &gt; x) for chi-square with <paramref name="df"/> degrees of freedom.</summary>
    public static double ChiSquareUpper(double x, double df) =>
        x <= 0 ? 1 : SpecialFunctions.GammaUpperRegularized(df / 2, x / 2);

    /// <summary>P(X ≤ k) for X ~ Binomial(n, p).</summary>
    public static double BinomialLower(long k, long n, double p)
    {
        if (k < 0) return 0;
        if (k >= n) return 1;
        return SpecialFunctions.BetaRegularized(n - k, k + 1, 1 - p);
    }

    /// <summary>P(X ≥ k) for X ~ Binomial(n, p).</summary>
    public static double BinomialUpper(long k, long n, double p)
    {
        if (k <= 0) return 1;
        if (k > n) return 0;
        return SpecialFunctions.BetaRegularized(k, n - k + 1, p);
    }

    /// <summary>log P(X = k) for X ~ Binomial(n, p).</summary>
    public static double BinomialLogPmf(long k, long n, double p)
    {
        if (p == 0) return k == 0 ? 0 : double.NegativeInfinity;
        if (p == 1) return k == n ? 0 : double.NegativeInfinity;
        return LogChoose(n, k) + k * Math.Log(p) + (n - k) * Log1p(-p);
    }

    /// <summary>log(1 + x) accurate for tiny x (Goldberg's trick: the rounding of 1 + x cancels).</summary>
    public static double Log1p(double x)
    {
        var u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }

    /// <summary>exp(x) − 1 accurate for tiny x (Kahan's trick).</summary>
    public static double Expm1(double x)
    {
        var u = Math.Exp(x);
        if (u == 1) return x;
        var um1 = u - 1;
        return um1 == -1 ? -1 : um1 * x / Math.Log(u);
    }

    public static double LogChoose(long n, long k) =>
        SpecialFunctions.GammaLn(n + 1.0) - SpecialFunctions.GammaLn(k + 1.0) - SpecialFunctions.GammaLn(n - k + 1.0);

    public static double NormalQuantile(double p) => Normal.InvCDF(0, 1, p);

    /// <summary>The quantile of Student's t, found on the accurate tail above (log scale, so extreme levels work).</summary>
    public static double StudentTQuantile(double p, double df)
    {
        Guard.Probability(p, "probability");
        if (double.IsPositiveInfinity(df)) return NormalQuantile(p);
        if (p == 0.5) return 0;
        var tail = Math.Min(p, 1 - p);
        var logTail = Math.Log(tail);
        // −|t| solves log P(T < t) = log(tail); P(T < t) rises with t, so bracket it below zero.
        var lo = Math.Min(-1, NormalQuantile(tail) * 2);
        while (Math.Log(StudentTLower(lo, df)) > logTail) lo *= 2;
        var t = Roots.Solve(x => Math.Log(StudentTLower(x, df)) - logTail, lo, 0);
        return p < 0.5 ? t : -t;
    }

    /// <summary>The quantile of the Beta(a, b) distribution, solved on the log of the nearer tail.</summary>
    public static double BetaQuantile(double p, double a, double b)
    {
        if (p <= 0) return 0;
        if (p >= 1) return 1;
        if (p < 0.5)
        {
            var logP = Math.Log(p);
            return Roots.Solve(x => x <= 0 ? double.NegativeInfinity : Math.Log(SpecialFunctions.BetaRegularized(a, b, x)) - logP, 0, 1);
        }
        var logQ = Math.Log(1 - p);
        // The upper tail of Beta(a, b) at x is the lower tail of Beta(b, a) at 1 − x.
        return Roots.Solve(x => x >= 1 ? double.NegativeInfinity : -(Math.Log(SpecialFunctions.BetaRegularized(b, a, 1 - x)) - logQ), 0, 1);
    }
}
