using GraphRag.Tests;

namespace GraphRag.Cli.Tests.Stats;

/// <summary>The file-based subcommands, checked against R 4.2.2 on the same samples.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SampleCommandsTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly string x;
    private readonly string y;
    private readonly string b;

    public SampleCommandsTests()
    {
        // R: x <- c(5.1, 4.9, 6.2, 5.8, 6.0, 5.5, 5.3, 6.1); y <- c(4.4, 5.0, 4.8, 5.2, 4.6, 5.1, 4.7);
        //    b <- c(4.8, 5.0, 5.6, 5.1, 5.9, 5.0, 5.4, 5.5)
        x = Write("x.csv", "score\n5.1\n4.9\n6.2\n5.8\n6.0\n5.5\n5.3\n6.1\n");
        y = Write("y.csv", "4.4\n5.0\n4.8\n5.2\n\n4.6\n5.1\n4.7\n");
        b = Write("b.csv", "4.8\n5.0\n5.6\n5.1\n5.9\n5.0\n5.4\n5.5\n");
    }

    public void Dispose() => temp.Dispose();

    private string Write(string name, string content)
    {
        File.WriteAllText(temp.File(name), content);
        return temp.File(name);
    }

    [Fact]
    public async Task TTestDefaultsToWelch()
    {
        // R: t.test(x, y): t = 3.861638771853416, p = 0.0024185656490440352
        var json = (await StatsConsole.RunAsync("stats", "ttest", x, y, "--json")).Json;
        Assert.Equal("Welch Two Sample t-test", json.GetProperty("methodName").GetString());
        Assert.Equal(3.861638771853416, json.GetProperty("statistic").GetDouble(), 1e-10);
        Assert.Equal(0.0024185656490440352, json.GetProperty("pValue").GetDouble(), 1e-12);
        Assert.Equal("mean difference (a − b)", json.GetProperty("effect").GetProperty("name").GetString());
    }

    [Fact]
    public async Task TTestPairedAndEqualVariance()
    {
        // R: t.test(x, b, paired=TRUE): p = 0.02515854833498872; t.test(x, y, var.equal=TRUE): p = 0.0025186802317393011
        var paired = (await StatsConsole.RunAsync("stats", "ttest", x, b, "--paired", "--json")).Json;
        Assert.Equal("Paired t-test", paired.GetProperty("methodName").GetString());
        Assert.Equal(0.02515854833498872, paired.GetProperty("pValue").GetDouble(), 1e-12);
        var student = (await StatsConsole.RunAsync("stats", "ttest", x, y, "--equal-var", "--json")).Json;
        Assert.Equal("Two Sample t-test", student.GetProperty("methodName").GetString());
        Assert.Equal(0.0025186802317393011, student.GetProperty("pValue").GetDouble(), 1e-12);
    }

    [Fact]
    public async Task RankTestsFollowRsDefaultsAndCanBeForced()
    {
        // R: wilcox.test(x, y): W = 51.5, p = 0.0077191737748100904 (ties: continuity-corrected normal approximation)
        var mw = (await StatsConsole.RunAsync("stats", "mannwhitney", x, y, "--json")).Json;
        Assert.Equal("Wilcoxon rank sum test with continuity correction", mw.GetProperty("methodName").GetString());
        Assert.Equal(51.5, mw.GetProperty("statistic").GetDouble());
        Assert.Equal(0.0077191737748100904, mw.GetProperty("pValue").GetDouble(), 1e-12);
        // R: wilcox.test(x, b, paired=TRUE): V = 31.5, p = 0.068364138600528285
        var w = (await StatsConsole.RunAsync("stats", "wilcoxon", x, b, "--approx", "--json")).Json;
        Assert.Equal(31.5, w.GetProperty("statistic").GetDouble());
        Assert.Equal(0.068364138600528285, w.GetProperty("pValue").GetDouble(), 1e-12);
        var refused = await StatsConsole.RunAsync("stats", "mannwhitney", x, y, "--exact");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("ties", refused.Stderr);
    }

    [Fact]
    public async Task PermutationIsExactForSmallSamples()
    {
        // R: all choose(15, 8) splits: p = 0.0043512043512043512; all 2^8 sign flips of x − b: p = 0.0546875
        var two = (await StatsConsole.RunAsync("stats", "permutation", x, y, "--json")).Json;
        Assert.Equal(0.0043512043512043512, two.GetProperty("pValue").GetDouble(), 1e-12);
        var paired = (await StatsConsole.RunAsync("stats", "permutation", x, b, "--paired", "--seed", "3", "--json")).Json;
        Assert.Equal(0.0546875, paired.GetProperty("pValue").GetDouble(), 1e-12);
        Assert.Contains("exact", paired.GetProperty("methodName").GetString());
    }

    [Fact]
    public async Task BootstrapReportsTheRecipe()
    {
        var json = (await StatsConsole.RunAsync("stats", "bootstrap", x, "--statistic", "median", "--method", "percentile", "--iterations", "2000", "--json")).Json;
        Assert.Equal("median", json.GetProperty("statisticName").GetString());
        Assert.Equal(5.65, json.GetProperty("estimate").GetDouble(), 12);
        Assert.Equal(2000, json.GetProperty("iterations").GetInt32());
        Assert.True(json.GetProperty("ciLow").GetDouble() <= 5.65 && 5.65 <= json.GetProperty("ciHigh").GetDouble());
    }

    [Fact]
    public async Task BinomialAdjustPowerAndDice()
    {
        // R: binom.test(7, 20, 0.5)$p.value = 0.26317596435546875
        var binomial = (await StatsConsole.RunAsync("stats", "binomial", "7", "20", "--json")).Json;
        Assert.Equal("Exact binomial test", binomial.GetProperty("methodName").GetString());
        Assert.Equal(0.26317596435546875, binomial.GetProperty("pValue").GetDouble(), 1e-13);
        // R: p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.2), "holm") = 0.04 0.09 0.09 0.025 0.2
        var adjust = (await StatsConsole.RunAsync("stats", "adjust", "--method", "holm", "0.01", "0.04", "0.03", "0.005", "0.2", "--json")).Json;
        Assert.Equal([0.04, 0.09, 0.09, 0.025, 0.2], adjust.GetProperty("adjusted").EnumerateArray().Select(e => Math.Round(e.GetDouble(), 12)));
        // 1 − 0.95^5 = 0.2262190625
        Assert.Equal(0.2262190625, adjust.GetProperty("chanceOfAtLeastOneFalsePositive").GetDouble(), 12);
        // R: power.t.test(delta=0.5, sd=1, power=0.8)$n = 63.765763714273874
        var power = (await StatsConsole.RunAsync("stats", "power", "ttest", "--delta", "0.5", "--power", "0.8", "--json")).Json;
        Assert.Equal(64, power.GetProperty("requiredN").GetInt64());
        // R: power.prop.test(n=500, p1=0.1, p2=0.15)$power = 0.6670306286061749
        var prop = (await StatsConsole.RunAsync("stats", "power", "proportions", "--p1", "0.1", "--p2", "0.15", "--n", "500", "--json")).Json;
        Assert.Equal(0.6670306286061749, prop.GetProperty("power").GetDouble(), 10);
        // R: 1 - pbinom(1, 12, 1/6) = 0.61866737373230862
        var dice = (await StatsConsole.RunAsync("stats", "dice", "12", "--json")).Json;
        Assert.Equal(0.61866737373230862, dice.GetProperty("probability").GetDouble(), 12);
    }

    [Fact]
    public async Task FileErrorsNameTheFileAndLine()
    {
        var bad = Write("bad.csv", "value\n1.5\nabc\n");
        var result = await StatsConsole.RunAsync("stats", "ttest", bad, y);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("bad.csv:3", Unwrapped(result.Stderr));
        var empty = Write("empty.csv", "header\n\n");
        Assert.Contains("nonumbersfound", Unwrapped((await StatsConsole.RunAsync("stats", "ttest", empty, y)).Stderr));
        var nan = Write("nan.csv", "1\nNaN\n");
        Assert.Contains("nan.csv:2", Unwrapped((await StatsConsole.RunAsync("stats", "ttest", nan, y)).Stderr));
        Assert.Contains("missing.csv", Unwrapped((await StatsConsole.RunAsync("stats", "ttest", temp.File("missing.csv"), y)).Stderr));
    }

    /// <summary>The error line is wrapped at the console width; compare without whitespace.</summary>
    private static string Unwrapped(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
