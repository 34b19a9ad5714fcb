using GraphRag.Graph.Extract;
using GraphRag.Graph.Model;

namespace GraphRag.Graph.Tests.Extract;

public sealed class EntitySalienceTests
{
    private static ArticleGraph Article(params GraphEntity[] entities) => new(0, [], entities, [], []);

    [Fact]
    public void A_tentative_candidate_becomes_an_entity_when_a_second_article_names_it()
    {
        var once = Article(new GraphEntity("drive thru", "drive-thru", EntityTypes.Concept, [], Tentative: true));
        Assert.Empty(EntitySalience.Entities([once]));
        Assert.Equal(["drive thru"], EntitySalience.Entities([once, once with { ArticleId = 1 }]));
    }

    [Fact]
    public void An_everyday_noun_is_an_entity_only_when_it_heads_three_entities()
    {
        GraphEntity Term(string key) => new(key, key, EntityTypes.Method, []);
        var attention = new GraphEntity("attention", "attention", EntityTypes.Method, [], Tentative: true, Everyday: true);
        Assert.DoesNotContain("attention", EntitySalience.Entities([Article(attention, Term("self attention"), Term("cross attention"))]));
        Assert.Contains("attention", EntitySalience.Entities([Article(attention, Term("self attention"), Term("cross attention"), Term("multi head attention"))]));
    }

    [Theory]
    [InlineData("transformer", "transformer model", true)]
    [InlineData("llm", "large language model", true)]
    [InlineData("colour space", "color space", true)]
    [InlineData("gpt2", "gpt3", false)]
    [InlineData("transformer", "transformer block", false)]
    [InlineData("index", "indexing", false)]
    public void Entity_resolution_only_compares_plausible_variants(string a, string b, bool plausible) =>
        Assert.Equal(plausible, EncoderEntityRefiner.IsPlausibleVariant(a, b));
}
