namespace GraphRag.Statistics.Tests.Power;

public class PowerAnalysisTests
{
    [Fact]
    public void TwoSampleTTestPowerMatchesR() =>
        // R: power.t.test(n=20, delta=1, sd=1)$power = 0.86895280169249778
        Data.Close(0.86895280169249778, PowerAnalysis.TTestPower(20, 1).Power, 1e-9);

    [Fact]
    public void PairedAndOneSidedPowerMatchR()
    {
        // R: power.t.test(n=15, delta=0.8, sd=1.2, type="paired")$power = 0.67085619820180931
        Data.Close(0.67085619820180931, PowerAnalysis.TTestPower(15, 0.8, 1.2, design: TTestDesign.Paired).Power, 1e-9);
        // R: power.t.test(n=15, delta=0.8, sd=1.2, type="one.sample", alternative="one.sided")$power = 0.79083497523105373
        Data.Close(0.79083497523105373, PowerAnalysis.TTestPower(15, 0.8, 1.2, design: TTestDesign.OneSample, twoSided: false).Power, 1e-9);
    }

    [Fact]
    public void TTestSampleSizeMatchesR()
    {
        // R: power.t.test(delta=0.5, sd=1, power=0.8)$n = 63.765763714273874 (uniroot tolerance ~1e-4)
        var r = PowerAnalysis.TTestSampleSize(0.5, 0.8);
        Data.Close(63.765763714273874, r.N, 1e-5);
        Assert.Equal(64, r.RequiredN);
        Assert.Equal("per group", r.NMeaning);
    }

    [Fact]
    public void ProportionsPowerAndSampleSizeMatchR()
    {
        // R: power.prop.test(n=500, p1=0.1, p2=0.15)$power = 0.6670306286061749
        Data.Close(0.6670306286061749, PowerAnalysis.ProportionsPower(500, 0.1, 0.15).Power, 1e-10);
        // R: power.prop.test(p1=0.0045, p2=0.0059, power=0.8)$n = 41429.372993254387: the article's bowel-cancer
        // difference needs about 41,430 people per group to be detected 80% of the time.
        var n = PowerAnalysis.ProportionsSampleSize(0.0045, 0.0059, 0.8);
        Data.Close(41429.372993254387, n.N, 1e-6);
    }

    [Fact]
    public void ImpossiblePowerRequestsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => PowerAnalysis.TTestSampleSize(0.5, 0.01, alpha: 0.05));
        Assert.Throws<ArgumentException>(() => PowerAnalysis.ProportionsPower(100, 0.2, 0.2));
        Assert.Throws<ArgumentException>(() => PowerAnalysis.TTestPower(1, 0.5));
        Assert.Throws<ArgumentException>(() => PowerAnalysis.TTestPower(10, 0.5, sd: -1));
    }
}
