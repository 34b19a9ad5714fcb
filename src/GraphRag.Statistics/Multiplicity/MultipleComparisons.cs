namespace GraphRag.Statistics;

public enum AdjustmentMethod
{
    Bonferroni,
    Holm,
    /// <summary>Benjamini–Hochberg: controls the false discovery rate rather than the chance of any false positive.</summary>
    BenjaminiHochberg,
}

/// <summary>
/// Adjusting p-values when many tests are run: with k tests at level α the chance of at least one
/// false positive is 1 − (1 − α)^k, far above α. Results match R's <c>p.adjust</c>, in input order.
/// </summary>
public static class MultipleComparisons
{
    public static double[] Adjust(IReadOnlyList<double> pValues, AdjustmentMethod method) => method switch
    {
        AdjustmentMethod.Bonferroni => Bonferroni(pValues),
        AdjustmentMethod.Holm => Holm(pValues),
        _ => BenjaminiHochberg(pValues),
    };

    public static double[] Bonferroni(IReadOnlyList<double> pValues)
    {
        Check(pValues);
        return pValues.Select(p => Math.Min(1, p * pValues.Count)).ToArray();
    }

    /// <summary>Holm's step-down: the i-th smallest p times (k − i + 1), made monotone.</summary>
    public static double[] Holm(IReadOnlyList<double> pValues)
    {
        Check(pValues);
        var k = pValues.Count;
        var order = Enumerable.Range(0, k).OrderBy(i => pValues[i]).ToArray();
        var adjusted = new double[k];
        var running = 0.0;
        for (var rank = 0; rank < k; rank++)
        {
            running = Math.Max(running, Math.Min(1, (k - rank) * pValues[order[rank]]));
            adjusted[order[rank]] = running;
        }
        return adjusted;
    }

    /// <summary>Benjamini–Hochberg step-up: the i-th smallest p times k / i, made monotone from the top.</summary>
    public static double[] BenjaminiHochberg(IReadOnlyList<double> pValues)
    {
        Check(pValues);
        var k = pValues.Count;
        var order = Enumerable.Range(0, k).OrderByDescending(i => pValues[i]).ToArray();
        var adjusted = new double[k];
        var running = 1.0;
        for (var j = 0; j < k; j++)
        {
            var rank = k - j; // rank among ascending p-values
            running = Math.Min(running, Math.Min(1, (double)k / rank * pValues[order[j]]));
            adjusted[order[j]] = running;
        }
        return adjusted;
    }

    /// <summary>The chance of at least one false positive among <paramref name="tests"/> independent tests at level <paramref name="alpha"/>: 1 − (1 − α)^k.</summary>
    public static double FamilyWiseErrorRate(int tests, double alpha)
    {
        if (tests < 1) throw new ArgumentException($"The number of tests must be at least 1 (got {tests}).", nameof(tests));
        Guard.Probability(alpha, "alpha");
        return -Tails.Expm1(tests * Tails.Log1p(-alpha));
    }

    private static void Check(IReadOnlyList<double> pValues)
    {
        if (pValues.Count == 0) throw new ArgumentException("No p-values given.", nameof(pValues));
        for (var i = 0; i < pValues.Count; i++)
        {
            if (!(pValues[i] >= 0 && pValues[i] <= 1))
                throw new ArgumentException($"p-value #{i + 1} is {pValues[i]}; p-values lie in [0, 1].", nameof(pValues));
        }
    }
}
