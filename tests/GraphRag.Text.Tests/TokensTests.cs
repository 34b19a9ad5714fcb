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

    [Fact]
    public void A_character_beyond_the_basic_plane_is_one_token_and_never_split()
    {
        // "𝐄𝐚𝐠𝐞𝐫" (mathematical bold, as in corpus/000) is five characters of two UTF-16 units each;
        // each unit alone is not a character, so a span ending between them would cut one in half.
        const string text = "An 𝐄𝐚𝐠𝐞𝐫 🚀 launch";
        var spans = Tokens.Spans(text);
        Assert.Equal(["An", "𝐄", "𝐚", "𝐠", "𝐞", "𝐫", "🚀", "launch"], spans.Select(s => s.Of(text)));
        Assert.Equal(8, Tokens.Count(text));
        Assert.All(spans, s => Assert.False(char.IsLowSurrogate(text[s.Start]), $"a span starts inside a pair at {s.Start}"));
    }
}
