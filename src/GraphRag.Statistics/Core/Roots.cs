namespace GraphRag.Statistics;

/// <summary>
/// Bracketed root finding (bisection polished by the secant rule, i.e. Illinois regula falsi): robust
/// for the monotone functions that confidence limits and quantiles need, and accurate to a few ulps.
/// </summary>
internal static class Roots
{
    public static double Solve(Func<double, double> f, double lo, double hi, int maxIterations = 400)
    {
        var flo = f(lo);
        var fhi = f(hi);
        if (flo == 0) return lo;
        if (fhi == 0) return hi;
        if (Math.Sign(flo) == Math.Sign(fhi) && !double.IsInfinity(flo) && !double.IsInfinity(fhi))
            throw new ArgumentException($"No sign change between {lo} and {hi}: the root is not bracketed.");
        for (var i = 0; i < maxIterations; i++)
        {
            double mid;
            if (double.IsFinite(flo) && double.IsFinite(fhi) && i % 3 != 2)
            {
                mid = hi - fhi * (hi - lo) / (fhi - flo);
                if (!(mid > lo && mid < hi)) mid = 0.5 * (lo + hi);
            }
            else
            {
                mid = 0.5 * (lo + hi);
            }
            var fm = f(mid);
            if (fm == 0 || hi - lo <= 4 * double.Epsilon + 1e-15 * Math.Abs(mid)) return mid;
            if (Math.Sign(fm) == Math.Sign(flo) || (double.IsInfinity(flo) && fm < 0 == flo < 0))
            {
                lo = mid;
                flo = fm;
            }
            else
            {
                hi = mid;
                fhi = fm;
            }
        }
        return 0.5 * (lo + hi);
    }
}
