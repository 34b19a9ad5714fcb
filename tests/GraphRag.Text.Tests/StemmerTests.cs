namespace GraphRag.Text.Tests;

public class StemmerTests
{
    [Theory]
    [InlineData("ranking", "rank")]
    [InlineData("ranked", "rank")]
    [InlineData("metrics", "metric")]
    [InlineData("queries", "query")]
    [InlineData("Indexes", "index")]
    [InlineData("quickly", "quick")]
    [InlineData("bias", "bias")]
    public void Inflections_share_a_stem(string word, string stem) => Assert.Equal(stem, Stemmer.Stem(word));

    [Fact]
    public void Stop_words_are_function_words_only()
    {
        Assert.True(StopWords.Contains("The"));
        Assert.True(StopWords.Contains("which"));
        Assert.False(StopWords.Contains("ranking"));
        Assert.False(StopWords.Contains("significance"));
    }
}
