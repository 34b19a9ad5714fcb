using GraphRag.Claims;

namespace GraphRag.Claims.Tests;

public class ClaimFinderTests
{
    [Fact]
    public void FindsVersusPerPopulationWithOffsets()
    {
        const string text = "In the trial, 45 versus 59 cases per 10,000 people were seen.";
        var claim = Assert.Single(ClaimFinder.Find(text));
        Assert.Equal(ClaimKind.RatePerPopulation, claim.Kind);
        Assert.Equal("45 versus 59 cases per 10,000", claim.Text);
        Assert.Equal(text.IndexOf("45", StringComparison.Ordinal), claim.Start);
        Assert.Equal(claim.Text, text.Substring(claim.Start, claim.Length));
        Assert.Equal((45.0, 59.0, 10_000.0), (claim.Number("a"), claim.Number("b"), claim.Number("per")));
    }

    [Theory]
    [InlineData("Eating it gave a 32% increased risk of cancer.", ClaimKind.RelativeRisk, "32% increased risk")]
    [InlineData("A relative risk of 1.8 was reported.", ClaimKind.RelativeRisk, "relative risk of 1.8")]
    [InlineData("The odds ratio was 2.5 in men.", ClaimKind.RelativeRisk, "odds ratio was 2.5")]
    [InlineData("Smokers are 15 times more likely to get it.", ClaimKind.TimesMore, "15 times more")]
    [InlineData("Only 3 out of 20 responded.", ClaimKind.OutOf, "3 out of 20")]
    [InlineData("About 1 in 8 women are affected.", ClaimKind.OutOf, "1 in 8 women")]
    [InlineData("The effect held (p < 0.001) in all groups.", ClaimKind.PValue, "p < 0.001")]
    [InlineData("We found a p-value of 0.03 overall.", ClaimKind.PValue, "p-value of 0.03")]
    [InlineData("The result was statistically significant.", ClaimKind.StatisticalSignificance, "statistically significant")]
    [InlineData("We are 95% confident in it.", ClaimKind.ConfidenceLevel, "95% confident")]
    [InlineData("Sales rose by 12.5% last year.", ClaimKind.Percentage, "12.5%")]
    public void FindsEachKind(string text, ClaimKind kind, string expected)
    {
        var claim = Assert.Single(ClaimFinder.Find(text));
        Assert.Equal(kind, claim.Kind);
        Assert.Equal(expected, claim.Text);
        Assert.Equal(expected, text.Substring(claim.Start, claim.Length));
    }

    [Fact]
    public void OrdinaryWordsAreNotClaims()
    {
        Assert.Empty(ClaimFinder.Find("Two dice or 2 coins, in 2011, at 5 in the morning."));
    }

    [Fact]
    public void SentenceIsKeptForContext()
    {
        const string text = "First sentence. Then 7 out of 10 agreed. Last one.";
        var claim = Assert.Single(ClaimFinder.Find(text));
        Assert.Equal("Then 7 out of 10 agreed.", claim.Sentence);
        Assert.Equal(text.IndexOf("Then", StringComparison.Ordinal), claim.SentenceStart);
    }

    [Fact]
    public void FindsTheSignificanceArticlesClaimsInTheCorpus()
    {
        var text = CorpusArticle.SignificanceScam();
        var claims = ClaimFinder.Find(text);
        // The article's bowel-cancer passage, in its own words.
        var rate = Assert.Single(claims, c => c.Kind == ClaimKind.RatePerPopulation && c.Number("b") is not null);
        Assert.StartsWith("For every 10,000 people on the study", rate.Text);
        Assert.Equal((45.0, 59.0, 10_000.0), (rate.Number("a"), rate.Number("b"), rate.Number("per")));
        Assert.Equal(rate.Text, text.Substring(rate.Start, rate.Length));
        Assert.Contains(claims, c => c.Kind == ClaimKind.RelativeRisk && c.Text == "32% increased risk");
        Assert.Contains(claims, c => c.Kind == ClaimKind.TimesMore && c.Number("value") == 157);
        Assert.Contains(claims, c => c.Kind == ClaimKind.PValue && c.Number("value") == 0.05);
        Assert.Contains(claims, c => c.Kind == ClaimKind.ConfidenceLevel && c.Number("value") == 99.9999998);
        Assert.True(claims.Count(c => c.Kind == ClaimKind.StatisticalSignificance) >= 20);
        Assert.Contains(claims, c => c.Kind == ClaimKind.RatePerPopulation && c.Text == "14 extra cases of bowel cancer per 10,000 people, or 0.14%");
    }
}

/// <summary>The real text of "The Statistical Significance Scam" from corpus/000_*.txt (the bundle's first article).</summary>
internal static class CorpusArticle
{
    public static string SignificanceScam()
    {
        var path = Directory.GetFiles(GraphRag.Tests.TestPaths.Repo("corpus"), "000_*.txt").Single();
        var text = File.ReadAllText(path);
        var start = text.IndexOf("Title: The Statistical Significance Scam", StringComparison.Ordinal);
        var end = text.IndexOf("## Visual Content Analysis", start, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"{path}: the significance article is not where expected");
        return text[start..end];
    }
}
