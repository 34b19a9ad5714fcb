namespace GraphRag.Statistics;

/// <summary>Mid-ranks (ties get the average of their positions) and the tie sizes the normal approximations need.</summary>
internal static class Ranks
{
    /// <summary>Ranks 1..n with ties averaged; <paramref name="tieCorrection"/> is Σ(t³ − t) over tie groups.</summary>
    public static double[] MidRanks(ReadOnlySpan<double> values, out double tieCorrection, out bool hasTies)
    {
        var n = values.Length;
        var order = new int[n];
        for (var i = 0; i < n; i++) order[i] = i;
        var keys = values.ToArray();
        Array.Sort(keys, order);
        var ranks = new double[n];
        tieCorrection = 0;
        hasTies = false;
        for (var start = 0; start < n;)
        {
            var end = start + 1;
            while (end < n && keys[end] == keys[start]) end++;
            var t = end - start;
            var rank = (start + 1 + end) / 2.0;
            for (var j = start; j < end; j++) ranks[order[j]] = rank;
            if (t > 1)
            {
                hasTies = true;
                tieCorrection += (double)t * t * t - t;
            }
            start = end;
        }
        return ranks;
    }
}
