using GraphRag.Statistics;

namespace GraphRag.Claims;

public enum ClaimFlag
{
    /// <summary>Only a relative effect ("32% higher risk", "3 times more"): the absolute risks are missing.</summary>
    RelativeOnly,
    /// <summary>Only "significant" or a p-value: how big the effect is goes unsaid.</summary>
    SignificanceOnly,
}

/// <summary>What the numbers of one claim allow, the flags it raises and the questions to ask of it.</summary>
public sealed record ClaimCheck(Claim Claim, string Finding)
{
    public IReadOnlyList<ClaimFlag> Flags { get; init; } = [];
    public IReadOnlyList<string> Questions { get; init; } = [];
    /// <summary>For "a versus b per N" claims: the full two-proportion analysis.</summary>
    public ProportionComparison? Comparison { get; init; }
    /// <summary>For "k out of n" claims: the proportion with its exact interval.</summary>
    public EffectSize? Proportion { get; init; }
}
