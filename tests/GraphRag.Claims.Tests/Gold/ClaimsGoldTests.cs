namespace GraphRag.Claims.Tests.Gold;

/// <summary>
/// The checker against the gold list of corpus/ (Gold/claims.gold.tsv, written by reading the corpus
/// as a statistician; method and split in Gold/README.md). Patterns were tuned on dev; the issue's
/// targets (precision ≥ 0.9, recall ≥ 0.8) are asserted on test.
/// </summary>
public sealed class ClaimsGoldTests(ITestOutputHelper output)
{
    private static readonly Lazy<GoldSplits> Gold = new(() => new GoldSplits(GoldCorpus.Articles, GoldList.Load()));

    private static readonly Lazy<IReadOnlyList<IReadOnlyList<ClaimCheck>>> Checks = new(() =>
        GoldCorpus.Articles.Select(a => ClaimChecker.CheckAll(a.Text)).ToList());

    [Fact]
    public void Every_quote_is_in_its_article_once_and_every_split_follows_the_documented_rule()
    {
        var gold = Gold.Value;
        Assert.NotEmpty(gold.Items);
        Assert.All(gold.Items, l => Assert.True(l.Item.Split == gold.RuleSplit(l),
            $"line {l.Item.Line}: split {l.Item.Split}, but the rule gives {gold.RuleSplit(l)}"));
    }

    [Fact]
    public void On_the_dev_split_the_checker_meets_the_targets_it_was_tuned_to()
    {
        var score = GoldScore.Compute(Gold.Value, Checks.Value, "dev");
        output.WriteLine(score.ToString());
        Assert.True(score.Precision >= 0.9 && score.Recall >= 0.8, score.ToString());
    }

    [Fact]
    public void On_the_test_split_flag_precision_is_at_least_0_9_and_recall_at_least_0_8()
    {
        var score = GoldScore.Compute(Gold.Value, Checks.Value, "test");
        output.WriteLine(score.ToString());
        Assert.True(score.Precision >= 0.9, score.ToString());
        Assert.True(score.Recall >= 0.8, score.ToString());
    }
}
