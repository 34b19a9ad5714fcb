using System.Text.Json;

namespace GraphRag.Cli.Tests.Stats;

/// <summary>
/// <c>stats proportions 45/10000 59/10000</c>: the significance article's bowel-cancer numbers.
/// Expected values come from R 4.2.2 (calls beside each number).
/// </summary>
[Collection(ConsoleCollection.Name)]
public class ProportionsCommandTests
{
    private static async Task<JsonElement> Json()
    {
        var result = await StatsConsole.RunAsync("stats", "proportions", "45/10000", "59/10000", "--json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        return result.Json;
    }

    private static void Close(double expected, JsonElement actual, double relative)
    {
        var value = actual.GetDouble();
        Assert.True(Math.Abs(value - expected) <= relative * Math.Abs(expected), $"expected {expected:R}, got {value:R}");
    }

    [Fact]
    public async Task ZTestAndChiSquaresMatchR()
    {
        var json = await Json();
        // R: prop.test(c(45,59), c(10000,10000), correct=FALSE): X-squared = 1.8944666109925459, p = 0.16869899127406981;
        //    z = sqrt(X-squared) = 1.3763962405472292
        var z = json.GetProperty("zTest");
        Assert.Equal("Two-proportion z-test (pooled standard error)", z.GetProperty("methodName").GetString());
        Close(1.3763962405472292, z.GetProperty("statistic"), 1e-12);
        Close(0.16869899127406981, z.GetProperty("pValue"), 1e-10);
        Close(0.0014, z.GetProperty("effect").GetProperty("value"), 1e-12);
        var chi = json.GetProperty("chiSquare");
        Assert.Equal("Pearson's Chi-squared test", chi.GetProperty("methodName").GetString());
        Close(1.8944666109925459, chi.GetProperty("statistic"), 1e-12);
        Close(0.16869899127406981, chi.GetProperty("pValue"), 1e-10);
        // R: prop.test(c(45,59), c(10000,10000)): X-squared = 1.6334941696823482, p = 0.20122043619035532
        var yates = json.GetProperty("chiSquareYates");
        Assert.Equal("Pearson's Chi-squared test with Yates' continuity correction", yates.GetProperty("methodName").GetString());
        Close(1.6334941696823482, yates.GetProperty("statistic"), 1e-12);
        Close(0.20122043619035532, yates.GetProperty("pValue"), 1e-10);
        Close(1 - 0.20122043619035532, yates.GetProperty("confidence"), 1e-10);
    }

    [Fact]
    public async Task FisherMatchesR()
    {
        // R: fisher.test(matrix(c(59, 10000-59, 45, 10000-45), 2)): p = 0.20099718821204346,
        //    conditional MLE odds ratio 1.3129357206266932, CI 0.87482376231424375 1.98233515513097491 (R's uniroot tolerance ~1e-4)
        var fisher = (await Json()).GetProperty("fisher");
        Assert.Equal("Fisher's Exact Test for Count Data", fisher.GetProperty("methodName").GetString());
        Close(0.20099718821204346, fisher.GetProperty("pValue"), 1e-9);
        var effect = fisher.GetProperty("effect");
        Assert.StartsWith("odds ratio", effect.GetProperty("name").GetString());
        Close(1.3129357206266932, effect.GetProperty("value"), 1e-4);
        Close(0.87482376231424375, effect.GetProperty("ciLow"), 1e-4);
        Close(1.98233515513097491, effect.GetProperty("ciHigh"), 1e-4);
        Assert.Equal(59, fisher.GetProperty("statistic").GetDouble());
    }

    [Fact]
    public async Task EffectsMatchR()
    {
        var json = await Json();
        // R: prop.test(c(45,59), c(10000,10000), correct=FALSE)$conf.int = -0.0033934809006497 0.0005934809006497 (for A − B, so negated)
        var rd = json.GetProperty("riskDifference");
        Close(0.0014, rd.GetProperty("value"), 1e-12);
        Close(-0.00059348090064970148, rd.GetProperty("ciLow"), 1e-9);
        Close(0.00339348090064970189, rd.GetProperty("ciHigh"), 1e-9);
        // R: rr <- 0.0059/0.0045; se <- sqrt(1/59 - 1/10000 + 1/45 - 1/10000); exp(log(rr) + c(-1, 1) * qnorm(0.975) * se)
        //    = 1.3111111111111111 [0.89043529039301028, 1.9305303419862145]
        var rr = json.GetProperty("relativeRisk");
        Close(1.3111111111111111, rr.GetProperty("value"), 1e-12);
        Close(0.89043529039301028, rr.GetProperty("ciLow"), 1e-10);
        Close(1.9305303419862145, rr.GetProperty("ciHigh"), 1e-10);
        // R: or <- (59*9955)/(9941*45); se <- sqrt(1/45 + 1/9955 + 1/59 + 1/9941)
        //    = 1.3129575607193553 [0.88992037791094214, 1.9370919006224092]
        var or = json.GetProperty("oddsRatio");
        Close(1.3129575607193553, or.GetProperty("value"), 1e-12);
        Close(0.88992037791094214, or.GetProperty("ciLow"), 1e-10);
        Close(1.9370919006224092, or.GetProperty("ciHigh"), 1e-10);
        // NNH = 1 / 0.0014 = 714.29; interval = 1 / the risk-difference limits, through infinity.
        var nnt = json.GetProperty("nnt");
        Close(1 / 0.0014, nnt.GetProperty("value"), 1e-12);
        Close(1 / 0.00339348090064970189, nnt.GetProperty("ciLow"), 1e-9);
        Close(1 / -0.00059348090064970148, nnt.GetProperty("ciHigh"), 1e-9);
        Assert.Contains("infinity", nnt.GetProperty("note").GetString());
    }

    [Fact]
    public async Task JsonCarriesTheThresholdAndItsReason()
    {
        var result = await StatsConsole.RunAsync("stats", "proportions", "45/10000", "59/10000", "--json", "--alpha", "0.01", "--reason", "a public-health claim");
        var z = result.Json.GetProperty("zTest");
        Assert.Equal(0.01, z.GetProperty("threshold").GetProperty("alpha").GetDouble());
        Assert.Equal("a public-health claim", z.GetProperty("threshold").GetProperty("reason").GetString());
        Assert.False(z.GetProperty("meetsThreshold").GetBoolean());
    }

    [Fact]
    public async Task HumanOutputShowsConfidenceAndEffectSideBySide()
    {
        var result = await StatsConsole.RunAsync("stats", "proportions", "45/10000", "59/10000");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Confidence (1 − p)", result.Stdout);
        Assert.Contains("83.1%", result.Stdout); // 1 − 0.1687 (z-test)
        Assert.Contains("relative risk (B / A)", result.Stdout);
        Assert.Contains("1.311", result.Stdout);
        Assert.Contains("not the probability that the effect is real", result.Stdout);
        Assert.DoesNotContain("significant", result.Stdout.Replace("significant but negligible", ""));
    }

    [Theory]
    [InlineData("45", "events/total")]
    [InlineData("-1/10", "negative")]
    [InlineData("11/10", "exceeds")]
    public async Task BadCountsGiveOneClearLine(string a, string message)
    {
        var result = await StatsConsole.RunAsync("stats", "proportions", a, "59/10000");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }
}
