using GraphRag.Statistics;

namespace GraphRag.Claims;

/// <summary>What the checker raises on a claim (a finding, not a bit of a [Flags] set).</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "A flag raised on a claim is the domain's word.")]
public enum ClaimFlag
{
    /// <summary>Only a relative effect ("32% higher risk", "3 times more likely"), with no absolute figures nearby.</summary>
    RelativeOnly,
    /// <summary>A finding reported as significant (or as a p-value) with nothing about how big the effect is.</summary>
    SignificanceOnly,
    /// <summary>The stated value differs from what its own formula, counts or rule give.</summary>
    WrongValue,
    /// <summary>A ratio of two figures with different denominators (a share of all deaths over an individual's risk).</summary>
    IncommensurableRatio,
    /// <summary>A p-value or confidence read as the probability that the result is not chance, or that the hypothesis is true.</summary>
    PValueMisread,
    /// <summary>Significance read as importance.</summary>
    SignificanceAsImportance,
    /// <summary>The absence of significance read as evidence of no effect.</summary>
    NoSignificanceAsNoEffect,
    /// <summary>Significance among many tests, with no correction for their number.</summary>
    UncorrectedMultipleComparisons,
    /// <summary>P(B | A) read as P(A | B).</summary>
    TransposedConditional,
}

/// <summary>A stated value recomputed from its formula or counts: what the text says, what the numbers give, and the gap.</summary>
/// <param name="Formula">What was recomputed, as written (with the variables' values, e.g. "1 — (5/6)^n … at n = 4").</param>
/// <param name="Stated">The value the text gives, as written.</param>
/// <param name="StatedValue">That value as a number (percentages as fractions: 14.4% is 0.144).</param>
/// <param name="Recomputed">What the formula or counts give.</param>
/// <param name="Tolerance">The rounding the stated value allows: one unit of its last digit.</param>
public sealed record Recomputation(string Formula, string Stated, double StatedValue, double Recomputed, double Tolerance)
{
    public double Difference => StatedValue - Recomputed;

    public bool Agrees => Math.Abs(Difference) <= Tolerance * (1 + 1e-9);

    /// <summary>Whether the stated value is a percentage (then the difference reads in percentage points).</summary>
    public bool IsPercent => Stated.TrimEnd('*', ' ').EndsWith('%');
}

/// <summary>What the numbers of one claim allow: the finding, the flags it raises (each with what would be correct), and the questions to ask of it.</summary>
public sealed record ClaimCheck(Claim Claim, string Finding)
{
    public IReadOnlyList<ClaimFlag> Flags { get; init; } = [];
    /// <summary>For a flagged claim, one sentence saying what would be correct.</summary>
    public string? Correction { get; init; }
    public IReadOnlyList<string> Questions { get; init; } = [];
    /// <summary>For calculations and for values backed by their own counts: the recomputation.</summary>
    public Recomputation? Recomputation { get; init; }
    /// <summary>For "a versus b per N" claims: the full two-proportion analysis.</summary>
    public ProportionComparison? Comparison { get; init; }
    /// <summary>For "k out of n" claims: the proportion with its exact interval.</summary>
    public EffectSize? Proportion { get; init; }

    public bool IsFlagged => Flags.Count > 0;

    /// <summary>"flag" or "ok": what a careful statistician would say of the claim.</summary>
    public string Verdict => IsFlagged ? "flag" : "ok";
}
