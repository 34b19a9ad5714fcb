namespace GraphRag.Statistics;

/// <summary>Everything the numbers "k_A out of n_A versus k_B out of n_B" allow: four tests and four effects, B relative to A.</summary>
public sealed record ProportionComparison(Proportion A, Proportion B)
{
    public required TestResult ZTest { get; init; }
    public required TestResult ChiSquare { get; init; }
    public required TestResult ChiSquareYates { get; init; }
    public required TestResult Fisher { get; init; }
    public required EffectSize RiskDifference { get; init; }
    public required EffectSize RelativeRisk { get; init; }
    public required EffectSize OddsRatio { get; init; }
    public required EffectSize Nnt { get; init; }

    public static ProportionComparison Compute(Proportion a, Proportion b, double confidenceLevel = 0.95) => new(a, b)
    {
        ZTest = ProportionTests.ZTest(a, b, confidenceLevel: confidenceLevel),
        ChiSquare = ProportionTests.ChiSquare(a, b, yates: false, confidenceLevel),
        ChiSquareYates = ProportionTests.ChiSquare(a, b, yates: true, confidenceLevel),
        Fisher = ProportionTests.Fisher(a, b, confidenceLevel: confidenceLevel),
        RiskDifference = ProportionEffects.RiskDifference(a, b, confidenceLevel),
        RelativeRisk = ProportionEffects.RelativeRisk(a, b, confidenceLevel),
        OddsRatio = ProportionEffects.OddsRatio(a, b, confidenceLevel),
        Nnt = ProportionEffects.NumberNeeded(a, b, confidenceLevel),
    };
}
