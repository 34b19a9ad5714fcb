using GraphRag.Graph.Extract;
using GraphRag.Graph.Model;
using GraphRag.Graph.Tests.Support;

namespace GraphRag.Graph.Tests.Extract;

/// <summary>Typed relations respect negation, hedging, contrast and direction (the wrong relations the issue found).</summary>
public sealed class RelationPatternsTests
{
    private static List<(string Source, string Type, string Target)> Typed(string text) =>
        English.Extractor().Extract(new ArticleInput(1, text, null, [new ChunkSpan(1, 0, text.Length)]), NoKnownEntities.Instance)
            .Relations.Where(r => r.Type != RelationTypes.CoOccurs).Select(r => (r.SourceKey, r.Type, r.TargetKey)).ToList();

    [Theory]
    [InlineData(" uses ", RelationTypes.Uses, false)]
    [InlineData(" cannot use ", null, false)]
    [InlineData(" does not use the ", null, false)]
    [InlineData(" might use ", null, false)]
    [InlineData(" is used in ", RelationTypes.Uses, true)]
    [InlineData(" was introduced by ", RelationTypes.Introduced, true)]
    [InlineData(", such as ", RelationTypes.IsA, true)]
    [InlineData(" consists of a ", RelationTypes.PartOf, true)]
    [InlineData(", a researcher at ", null, false)]
    [InlineData(" is a ", RelationTypes.IsA, false)]
    [InlineData(" is far better than the ", RelationTypes.Outperforms, false)]
    public void The_gap_between_two_mentions_says_the_type_and_its_direction(string between, string? type, bool reversed)
    {
        var match = RelationPatterns.Match(between);
        Assert.Equal(type, match?.Type);
        if (type is not null)
            Assert.Equal(reversed, match!.Value.Reversed);
    }

    [Fact]
    public void A_negated_statement_is_no_relation_and_a_passive_one_points_from_the_agent()
    {
        Assert.Empty(Typed("The sigmoid function cannot use mean squared error as its loss."));
        Assert.Contains(("gpt", RelationTypes.Uses, "transformer architecture"), Typed("The transformer architecture is used in GPT for text generation."));
    }

    [Fact]
    public void The_contrasted_member_of_a_sentence_gets_no_relation()
    {
        var typed = Typed("Unlike RNNs, the transformer model uses self-attention.");
        Assert.Contains(("transformer model", RelationTypes.Uses, "self attention"), typed);
        Assert.DoesNotContain(typed, r => r.Source == "rnn");
    }

    [Fact]
    public void A_list_after_such_as_shares_the_relation()
    {
        var typed = Typed("Ranking metrics such as NDCG, MRR and MAP compare orderings.");
        Assert.Equal(["map", "mrr", "ndcg"], typed.Where(r => r.Type == RelationTypes.IsA && r.Target == "ranking metric").Select(r => r.Source).Order());
    }
}
