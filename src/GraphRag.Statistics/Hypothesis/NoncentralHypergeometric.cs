namespace GraphRag.Statistics;

/// <summary>
/// The conditional distribution of a 2×2 table's top-left cell given its margins, with odds-ratio
/// parameter ψ (Fisher's noncentral hypergeometric): the machinery of R's fisher.test for 2×2 tables.
/// The cell counts events in the first column (of size <c>m</c>); the other column has size <c>n</c>;
/// <c>k</c> events in all.
/// </summary>
internal sealed class NoncentralHypergeometric
{
    private readonly long low;
    private readonly long high;
    private readonly double[] logCentral;

    public NoncentralHypergeometric(long observed, long m, long n, long k)
    {
        Observed = observed;
        low = Math.Max(0, k - n);
        high = Math.Min(k, m);
        logCentral = new double[high - low + 1];
        for (var i = 0; i < logCentral.Length; i++)
        {
            var x = low + i;
            logCentral[i] = Tails.LogChoose(m, x) + Tails.LogChoose(n, k - x);
        }
    }

    public long Observed { get; }

    /// <summary>P(X = x) for every x in the support, under odds ratio ψ (normalised in log space).</summary>
    public double[] Density(double psi)
    {
        var logPsi = Math.Log(psi);
        var d = new double[logCentral.Length];
        var max = double.NegativeInfinity;
        for (var i = 0; i < d.Length; i++)
        {
            d[i] = logCentral[i] + logPsi * (low + i);
            max = Math.Max(max, d[i]);
        }
        double sum = 0;
        for (var i = 0; i < d.Length; i++) sum += d[i] = Math.Exp(d[i] - max);
        for (var i = 0; i < d.Length; i++) d[i] /= sum;
        return d;
    }

    public double Mean(double psi)
    {
        if (psi == 0) return low;
        if (double.IsPositiveInfinity(psi)) return high;
        var d = Density(psi);
        double mean = 0;
        for (var i = 0; i < d.Length; i++) mean += (low + i) * d[i];
        return mean;
    }

    public double LowerTail(long q, double psi)
    {
        if (psi == 0) return q >= low ? 1 : 0;
        if (double.IsPositiveInfinity(psi)) return q >= high ? 1 : 0;
        var d = Density(psi);
        double sum = 0;
        for (var x = low; x <= Math.Min(q, high); x++) sum += d[x - low];
        return sum;
    }

    public double UpperTail(long q, double psi)
    {
        if (psi == 0) return q <= low ? 1 : 0;
        if (double.IsPositiveInfinity(psi)) return q <= high ? 1 : 0;
        var d = Density(psi);
        double sum = 0;
        for (var x = Math.Max(q, low); x <= high; x++) sum += d[x - low];
        return sum;
    }

    /// <summary>Sum of the probabilities of tables no more likely than the observed one (relative tolerance 1e-7, as R).</summary>
    public double TwoSidedPValue()
    {
        var d = Density(1);
        var cutoff = d[Observed - low] * (1 + 1e-7);
        double sum = 0;
        foreach (var v in d) if (v <= cutoff) sum += v;
        return Math.Min(1, sum);
    }

    /// <summary>The conditional maximum-likelihood odds ratio: the ψ whose mean equals the observed cell.</summary>
    public double ConditionalMle()
    {
        if (Observed == low) return 0;
        if (Observed == high) return double.PositiveInfinity;
        return SolveOnRatioScale(psi => Mean(psi) - Observed);
    }

    public double UpperLimit(double alpha)
    {
        if (Observed == high) return double.PositiveInfinity;
        return SolveOnRatioScale(psi => alpha - LowerTail(Observed, psi));
    }

    public double LowerLimit(double alpha)
    {
        if (Observed == low) return 0;
        return SolveOnRatioScale(psi => UpperTail(Observed, psi) - alpha);
    }

    /// <summary>Solves an increasing function of ψ on the log scale, which spans ratios from 1e-300 to 1e300 evenly.</summary>
    private static double SolveOnRatioScale(Func<double, double> increasing)
    {
        var logPsi = Roots.Solve(t => increasing(Math.Exp(t)), -690, 690);
        return Math.Exp(logPsi);
    }
}
