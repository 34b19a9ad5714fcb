namespace GraphRag.Statistics.Tests.Reporting;

public class EvidenceReportTests
{
    private static readonly SignificanceThreshold Conventional = new(0.05, "journal convention; no decision rides on it");

    [Fact]
    public void PutsConfidenceAndEffectSideBySide()
    {
        var report = EvidenceReport.Create(TTests.TwoSample(Data.X, Data.Y), Conventional);
        // R: t.test(x, y)$p.value = 0.0024185656490440352 → confidence 99.76%
        Data.Close(1 - 0.0024185656490440352, report.Confidence, 1e-9);
        Assert.True(report.MeetsThreshold);
        Assert.Contains("confidence 99.8%", report.Summary);
        Assert.Contains("mean difference (a − b) = 0.7839", report.Summary);
        Assert.Contains("journal convention", report.Summary);
        Assert.DoesNotContain(" significant", report.Summary);
    }

    [Fact]
    public void WarnsSignificantButNegligibleForHugeSamplesWithTinyEffects()
    {
        // 24,000 per group, mean shift 0.03 on an SD of ~1.2: p ≈ 5e-4, Cohen's d ≈ 0.03.
        var x = Data.Repeat((1, 3000), (2, 5000), (3, 8000), (4, 5000), (5, 3000));
        var y = Data.Repeat((1, 2800), (2, 4900), (3, 8000), (4, 5200), (5, 3100));
        var report = EvidenceReport.Create(TTests.TwoSample(x, y), Conventional);
        Assert.True(report.MeetsThreshold);
        var warning = Assert.Single(report.Warnings);
        Assert.Equal(EvidenceWarningKind.SignificantButNegligible, warning.Kind);
        Assert.Equal("Cohen's d", report.JudgedEffect!.Name);
    }

    [Fact]
    public void WarnsLargeButUncertainForSmallSamplesWithWideIntervals()
    {
        // Big mean shift, three observations each: d is large, its interval reaches well below 0.2.
        var report = EvidenceReport.Create(TTests.TwoSample([1.0, 3.5, 2.0], [0.5, 2.9, 0.2]), Conventional);
        Assert.False(report.MeetsThreshold);
        Assert.Contains(report.Warnings, w => w.Kind == EvidenceWarningKind.LargeButUncertain);
    }

    [Fact]
    public void RatioEffectsAreJudgedSymmetricallyOnTheRatioScale()
    {
        var fisher = ProportionTests.Fisher(new Proportion(45, 10_000), new Proportion(59, 10_000));
        var report = EvidenceReport.Create(fisher, new SignificanceThreshold(0.01, "regulator's rule"),
            new Relevance(fisher.Effect.Name, 1.1, "a 10% change in risk would alter advice"));
        Assert.False(report.MeetsThreshold);
        // OR ≈ 1.31 would matter, but its interval (0.87, 1.98) includes 1: large but uncertain.
        Assert.Equal(EvidenceWarningKind.LargeButUncertain, Assert.Single(report.Warnings).Kind);
    }

    [Fact]
    public void AThresholdNeedsAReason()
    {
        Assert.Contains("reason", Assert.Throws<ArgumentException>(() => new SignificanceThreshold(0.05, " ")).Message);
        Assert.Throws<ArgumentException>(() => new SignificanceThreshold(1.5, "why not"));
    }

    [Fact]
    public void TinyPValuesAreNeverShownAsZero()
    {
        Assert.Equal("2.11e-31", Format.P(2.1102283998621306e-31));
        Assert.Equal("0.0024", Format.P(0.0024185656490440352));
        Assert.Equal("< 1e-300", Format.P(0));
    }
}
