using MathNet.Numerics;

namespace GraphRag.Statistics;

/// <summary>
/// The noncentral t distribution, needed for t-test power and exact intervals of Cohen's d.
/// Lenth's algorithm AS 243 with the refinements of R's <c>pnt</c> (normal approximation for
/// very large df or noncentrality).
/// </summary>
public static class NoncentralT
{
    public static double Cdf(double t, double df, double ncp)
    {
        if (ncp == 0) return Tails.StudentTLower(t, df);
        if (double.IsPositiveInfinity(t)) return 1;
        if (double.IsNegativeInfinity(t)) return 0;

        bool negate;
        double tt, del;
        if (t >= 0)
        {
            negate = false;
            tt = t;
            del = ncp;
        }
        else
        {
            if (ncp > 40) return 0;
            negate = true;
            tt = -t;
            del = -ncp;
        }

        if (df > 4e5 || del * del > 2 * Math.Log(2) * 1021)
        {
            // Abramowitz & Stegun 26.7.10.
            var s4 = 1 / (4 * df);
            var z = (tt * (1 - s4) - del) / Math.Sqrt(1 + tt * tt * 2 * s4);
            return negate ? Tails.NormalUpper(z) : Tails.NormalLower(z);
        }

        var x = tt * tt / (tt * tt + df);
        double tnc = 0;
        if (x > 0)
        {
            var lambda = del * del;
            var p = 0.5 * Math.Exp(-0.5 * lambda);
            var q = Math.Sqrt(2 / Math.PI) * p * del;
            var s = 0.5 - p;
            if (s < 1e-7) s = -0.5 * Tails.Expm1(-0.5 * lambda);
            var a = 0.5;
            var b = 0.5 * df;
            var rxb = Math.Pow(1 - x, b);
            var albeta = 0.5 * Math.Log(Math.PI) + SpecialFunctions.GammaLn(b) - SpecialFunctions.GammaLn(0.5 + b);
            var xodd = SpecialFunctions.BetaRegularized(a, b, x);
            var godd = 2 * rxb * Math.Exp(a * Math.Log(x) - albeta);
            var tnc0 = b * x;
            var xeven = tnc0 < double.Epsilon ? tnc0 : 1 - rxb;
            var geven = tnc0 * rxb;
            tnc = p * xodd + q * xeven;
            for (var it = 1; it <= 1000; it++)
            {
                a += 1;
                xodd -= godd;
                xeven -= geven;
                godd *= x * (a + b - 1) / a;
                geven *= x * (a + b - 0.5) / (a + 0.5);
                p *= lambda / (2 * it);
                q *= lambda / (2 * it + 1);
                tnc += p * xodd + q * xeven;
                s -= p;
                if (s < -1e-10 || (s <= 0 && it > 1)) break;
                if (Math.Abs(2 * s * (xodd - godd)) < 1e-12) break;
            }
        }
        tnc += Tails.NormalLower(-del);
        tnc = Math.Min(tnc, 1);
        return negate ? 1 - tnc : tnc;
    }

    /// <summary>The noncentrality whose distribution puts probability <paramref name="lowerTail"/> below <paramref name="t"/> (for interval inversion).</summary>
    public static double NoncentralityFor(double t, double df, double lowerTail)
    {
        // The CDF at fixed t decreases as the noncentrality grows; bracket generously around t.
        var width = Math.Max(10, 2 * Math.Abs(t));
        double lo = t - width, hi = t + width;
        while (Cdf(t, df, lo) < lowerTail) lo -= width;
        while (Cdf(t, df, hi) > lowerTail) hi += width;
        return Roots.Solve(ncp => Cdf(t, df, ncp) - lowerTail, lo, hi);
    }
}
