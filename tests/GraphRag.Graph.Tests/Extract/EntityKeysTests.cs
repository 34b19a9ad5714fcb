using GraphRag.Graph.Extract;

namespace GraphRag.Graph.Tests.Extract;

public sealed class EntityKeysTests
{
    [Theory]
    [InlineData("Knowledge Graphs", "knowledge-graph")]
    [InlineData("LLMs", "LLM")]
    [InlineData("libraries", "Library")]
    [InlineData("GPT-2", "GPT 2")]
    [InlineData("GPT-2", "gpt2")]
    [InlineData("self-attention", "Self Attention")]
    [InlineData("Einstein’s", "Einstein")]
    public void Variants_of_one_name_share_a_key(string a, string b) =>
        Assert.Equal(EntityKeys.Normalize(b.Replace("’s", "")), EntityKeys.Normalize(a.Replace("’s", "")));

    [Theory]
    [InlineData("GPT-2", "GPT-3")]
    [InlineData("GPT-3.5", "GPT-3")]
    [InlineData("Python 2", "Python 3")]
    [InlineData("AWS", "AW")]
    [InlineData("analysis", "analysi")]
    public void Versions_numbers_and_capital_final_s_stay_distinct(string a, string b) =>
        Assert.NotEqual(EntityKeys.Normalize(a), EntityKeys.Normalize(b));
}
