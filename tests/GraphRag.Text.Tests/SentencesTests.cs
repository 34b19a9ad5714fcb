namespace GraphRag.Text.Tests;

public class SentencesTests
{
    private static List<string> Split(string text) =>
        Sentences.Split(text).Select(s => text[s.Start..s.End]).ToList();

    [Fact]
    public void Splits_on_sentence_punctuation_followed_by_a_capital()
    {
        Assert.Equal(["NDCG rewards early hits.", "MAP averages precision!", "Why?", "Because."],
            Split("NDCG rewards early hits. MAP averages precision! Why? Because."));
    }

    [Fact]
    public void Abbreviations_and_initials_do_not_end_a_sentence()
    {
        Assert.Equal(["Metrics, e.g. NDCG, are used by J. Smith et al. in 2020.", "Next one."],
            Split("Metrics, e.g. NDCG, are used by J. Smith et al. in 2020. Next one."));
    }

    [Fact]
    public void Decimal_numbers_and_versions_stay_whole()
    {
        Assert.Equal(["The p-value was 0.05 and GPT-3.5 scored 3.14 points."],
            Split("The p-value was 0.05 and GPT-3.5 scored 3.14 points."));
    }

    [Fact]
    public void Each_line_is_its_own_unit()
    {
        Assert.Equal(["- first item", "- second item", "A closing sentence."],
            Split("- first item\n- second item\n\nA closing sentence."));
    }

    [Fact]
    public void A_closing_quote_stays_with_its_sentence()
    {
        Assert.Equal(["He said “stop.”", "Then he left."], Split("He said “stop.” Then he left."));
    }
}
