namespace GraphRag.Statistics;

/// <summary>
/// Exact null distributions of the rank statistics, counted by dynamic programming (only additions,
/// so tail probabilities keep full relative precision).
/// </summary>
internal static class RankDistributions
{
    /// <summary>P(W = w) for w = 0..n1·n2, where W is the Mann–Whitney statistic of samples of sizes n1 and n2.</summary>
    public static double[] RankSum(int n1, int n2)
    {
        var total = n1 + n2;
        var maxSum = n1 * (2 * total - n1 + 1) / 2;
        // ways[k][s]: subsets of size k of the ranks seen so far with rank sum s.
        var ways = new double[n1 + 1][];
        for (var k = 0; k <= n1; k++) ways[k] = new double[maxSum + 1];
        ways[0][0] = 1;
        for (var rank = 1; rank <= total; rank++)
        {
            for (var k = Math.Min(n1, rank); k >= 1; k--)
            {
                var from = ways[k - 1];
                var to = ways[k];
                for (var s = maxSum; s >= rank; s--) to[s] += from[s - rank];
            }
        }
        var offset = n1 * (n1 + 1) / 2;
        var probabilities = new double[n1 * n2 + 1];
        var count = Math.Exp(Tails.LogChoose(total, n1));
        for (var w = 0; w < probabilities.Length; w++) probabilities[w] = ways[n1][w + offset] / count;
        return probabilities;
    }

    /// <summary>P(V = v) for v = 0..n(n+1)/2, V the Wilcoxon signed-rank statistic of n non-zero differences.</summary>
    public static double[] SignedRank(int n)
    {
        var maxSum = n * (n + 1) / 2;
        var ways = new double[maxSum + 1];
        ways[0] = 1;
        for (var rank = 1; rank <= n; rank++)
            for (var s = maxSum; s >= rank; s--) ways[s] += ways[s - rank];
        var scale = Math.Pow(2, -n);
        for (var s = 0; s <= maxSum; s++) ways[s] *= scale;
        return ways;
    }

    /// <summary>The p-value from an exact distribution, as R computes it (two-sided: twice the smaller tail).</summary>
    public static double PValue(double[] distribution, int statistic, Alternative alternative)
    {
        double lower = 0, upper = 0;
        for (var i = 0; i <= statistic; i++) lower += distribution[i];
        for (var i = statistic; i < distribution.Length; i++) upper += distribution[i];
        var center = (distribution.Length - 1) / 2.0;
        return alternative switch
        {
            Alternative.Less => Math.Min(1, lower),
            Alternative.Greater => Math.Min(1, upper),
            _ => Math.Min(1, 2 * (statistic > center ? upper : lower)),
        };
    }

    /// <summary>The normal approximation with continuity correction, as R's wilcox.test.</summary>
    public static double NormalPValue(double centered, double sigma, Alternative alternative, bool continuityCorrection)
    {
        var correction = !continuityCorrection ? 0 : alternative switch
        {
            Alternative.Greater => 0.5,
            Alternative.Less => -0.5,
            _ => Math.Sign(centered) * 0.5,
        };
        var z = (centered - correction) / sigma;
        return alternative switch
        {
            Alternative.Less => Tails.NormalLower(z),
            Alternative.Greater => Tails.NormalUpper(z),
            _ => Math.Min(1, 2 * Math.Min(Tails.NormalLower(z), Tails.NormalUpper(z))),
        };
    }
}
