namespace GraphRag.Statistics;

/// <summary>The alternative hypothesis, as R's <c>alternative =</c> argument.</summary>
public enum Alternative
{
    TwoSided,
    /// <summary>The first sample (or the estimate) is below the second (or the null value).</summary>
    Less,
    /// <summary>The first sample (or the estimate) is above the second (or the null value).</summary>
    Greater,
}

/// <summary>How a rank test computes its p-value (R's <c>exact =</c>).</summary>
public enum PValueMethod
{
    /// <summary>R's default: exact below 50 observations without ties or zero differences, otherwise the normal approximation.</summary>
    Auto,
    Exact,
    /// <summary>The normal approximation with tie correction and continuity correction.</summary>
    Approximate,
}
