using GraphRag.Tests;

namespace GraphRag.Cli.Tests.Stats;

/// <summary><c>claims list|check</c> on the real corpus article "The Statistical Significance Scam" (corpus/000_*.txt).</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ClaimsCommandTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly string corpusFile = Directory.GetFiles(TestPaths.Repo("corpus"), "000_*.txt").Single();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task ListGivesProvenanceThatPointsIntoTheFile()
    {
        var result = await StatsConsole.RunAsync("claims", "list", "--file", corpusFile, "--kind", "RelativeRisk", "--json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        // The bundle holds the article twice (two fetches), so the claim is found twice, at different offsets.
        var claims = result.Json.EnumerateArray().ToList();
        Assert.Equal(2, claims.Count);
        var fileText = File.ReadAllText(corpusFile);
        foreach (var claim in claims)
        {
            Assert.Equal("32% increased risk", claim.GetProperty("text").GetString());
            Assert.Equal("32% increased risk", fileText.Substring(claim.GetProperty("start").GetInt32(), claim.GetProperty("length").GetInt32()));
        }
    }

    [Fact]
    public async Task CheckComputesWhatTheBowelCancerNumbersAllow()
    {
        var result = await StatsConsole.RunAsync("claims", "check", "--file", corpusFile, "--kind", "RatePerPopulation", "--json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        var check = result.Json.EnumerateArray().First(c => c.GetProperty("comparison").ValueKind == System.Text.Json.JsonValueKind.Object);
        var comparison = check.GetProperty("comparison");
        // 45 versus 59 per 10,000: RD 0.0014; RR 1.3111 (R: (59/10000)/(45/10000)); Fisher p (R: fisher.test(...)) 0.20099718821204346
        Assert.Equal(0.0014, comparison.GetProperty("riskDifference").GetProperty("value").GetDouble(), 12);
        Assert.Equal(1.3111111111111111, comparison.GetProperty("relativeRisk").GetProperty("value").GetDouble(), 12);
        Assert.Equal(0.20099718821204346, comparison.GetProperty("fisher").GetProperty("pValue").GetDouble(), 10);
        Assert.Contains("0.14 percentage points", check.GetProperty("finding").GetString());
    }

    [Fact]
    public async Task FlaggedShowsOnlyFlaggedClaimsEachWithWhatWouldBeCorrect()
    {
        var result = await StatsConsole.RunAsync("claims", "check", "--file", corpusFile, "--flagged", "--json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        var flagged = result.Json.EnumerateArray().ToList();
        Assert.NotEmpty(flagged);
        Assert.All(flagged, c =>
        {
            Assert.Equal("flag", c.GetProperty("verdict").GetString());
            Assert.NotEqual(0, c.GetProperty("flags").GetArrayLength());
            Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("correction").GetString()));
        });
        // Mentions of "statistical significance" in an article criticising it are not flags.
        Assert.DoesNotContain(flagged, c => c.GetProperty("kind").GetString() == "statisticalSignificance");
    }

    [Fact]
    public async Task CheckRecomputesTheDiceListFromTheArticlesOwnFormula()
    {
        var result = await StatsConsole.RunAsync("claims", "check", "--file", corpusFile, "--kind", "Calculation", "--json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        // The bundle holds the article twice, so each item is checked twice; R: 1 - pbinom(1, 12, 1/6) = 0.61866737373230862.
        var twelve = result.Json.EnumerateArray().Where(c => c.GetProperty("text").GetString() == "12 dice: ≈ 80%").ToList();
        Assert.Equal(2, twelve.Count);
        foreach (var check in twelve)
        {
            Assert.Equal("flag", check.GetProperty("verdict").GetString());
            Assert.Equal(0.61866737373230862, check.GetProperty("recomputation").GetProperty("recomputed").GetDouble(), 12);
            Assert.Contains("gives 61.87%, not 80%", check.GetProperty("finding").GetString());
        }
        var three = result.Json.EnumerateArray().Where(c => c.GetProperty("text").GetString() == "3 dice: ≈ 7.4%").ToList();
        Assert.Equal(2, three.Count);
        Assert.All(three, c => Assert.Equal("ok", c.GetProperty("verdict").GetString()));
    }

    [Fact]
    public async Task ReadsTheIngestedNotes()
    {
        var settings = temp.File("settings.json");
        File.WriteAllText(settings, """{ "GraphRag": { "Embeddings": { "Enabled": false } } }""");
        var db = temp.File("notes.db");
        var ingest = await StatsConsole.RunAsync("ingest", corpusFile, "--db", db, "--config", settings, "--json");
        Assert.True(ingest.ExitCode == 0, ingest.Stderr);
        var result = await StatsConsole.RunAsync("claims", "check", "--db", db, "--config", settings,
            "--article", "Statistical Significance Scam", "--kind", "RelativeRisk", "--json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        var check = Assert.Single(result.Json.EnumerateArray());
        Assert.Equal("The Statistical Significance Scam", check.GetProperty("title").GetString());
        Assert.Contains("consistent with it", check.GetProperty("finding").GetString());
    }

    [Fact]
    public async Task AnEmptyStoreSaysWhatToDo()
    {
        var result = await StatsConsole.RunAsync("claims", "list", "--db", temp.File("empty.db"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("ingest", result.Stderr);
    }

    [Fact]
    public async Task UnknownKindIsRejected()
    {
        var result = await StatsConsole.RunAsync("claims", "list", "--file", corpusFile, "--kind", "vibes");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--kind", result.Stderr);
    }
}
