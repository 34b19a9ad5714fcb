namespace GraphRag.Text.Tests;

public class TokensTests
{
    [Fact]
    public void Words_numbers_and_each_punctuation_mark_count_as_one_token()
    {
        // "NDCG" "@" "10" "isn't" "0" "." "5" ";" "it's" "higher" "!" : counted by hand.
        Assert.Equal(11, Tokens.Count("NDCG@10 isn't 0.5; it's higher!"));
    }

    [Fact]
    public void Spans_cover_exactly_the_counted_tokens()
    {
        const string text = "A (small) test.";
        var spans = Tokens.Spans(text);
        Assert.Equal(Tokens.Count(text), spans.Count);
        Assert.Equal(["A", "(", "small", ")", "test", "."], spans.Select(s => s.Of(text)));
    }
}
