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
    [InlineData(" has 10 ", RelationTypes.PartOf, true)]
    [InlineData(" with 128 ", RelationTypes.PartOf, true)]
    [InlineData(" contains 3,072 ", RelationTypes.PartOf, true)]
    [InlineData(" stacks 12 ", RelationTypes.PartOf, true)]
    [InlineData(" has ", null, false)]
    [InlineData(" does not have 10 ", null, false)]
    [InlineData(" might have 10 ", null, false)]
    [InlineData(" is made up of three parts: the ", RelationTypes.PartOf, true)]
    [InlineData(" are the heart of ", RelationTypes.PartOf, false)]
    [InlineData(" is not the heart of ", null, false)]
    [InlineData(" function (often referred to as ", RelationTypes.SameAs, false)]
    [InlineData(" curve, also known as the ", RelationTypes.SameAs, false)]
    [InlineData(", which is not known as ", null, false)]
    [InlineData(" also known as ", RelationTypes.SameAs, false)]
    [InlineData(" (e.g. ", RelationTypes.IsA, true)]
    [InlineData(" (called ", RelationTypes.IsA, true)]
    public void The_gap_between_two_mentions_says_the_type_and_its_direction(string between, string? type, bool reversed)
    {
        var match = RelationPatterns.Match(between);
        Assert.Equal(type, match?.Type);
        if (type is not null)
            Assert.Equal(reversed, match!.Value.Reversed);
    }

    [Theory]
    [InlineData(" in the ", "output layer", RelationTypes.PartOf)]
    [InlineData(" in each ", "hidden layer", RelationTypes.PartOf)]
    [InlineData(" in the first ", "hidden layer", RelationTypes.PartOf)]
    [InlineData(" inside the ", "encoder block", RelationTypes.PartOf)]
    [InlineData(" in ", "Python", null)]
    [InlineData(" in the ", "Layer Normalization", null)]
    [InlineData(" in the ", "", null)]
    [InlineData(" not in the ", "output layer", null)]
    public void A_mention_in_a_structure_is_part_of_it_and_in_anything_else_is_nothing_typed(string between, string second, string? type)
    {
        var match = RelationPatterns.Match(between, "", second);
        Assert.Equal(type, match?.Type);
        Assert.False(match?.Reversed ?? false);
    }

    [Fact]
    public void A_count_of_parts_makes_them_parts_of_the_whole_and_a_negated_count_nothing()
    {
        // Each text names its terms twice, as an article would, so that they are terms at all.
        Assert.Contains(("neuron", RelationTypes.PartOf, "output layer"), Typed("The output layer has 10 neurons. The neurons of the output layer feed the loss."));
        var hidden = Typed("We add a hidden layer with 128 neurons. The neurons of the hidden layer feed the loss.");
        Assert.Contains(("neuron", RelationTypes.PartOf, "hidden layer"), hidden);
        Assert.DoesNotContain(hidden, r => r.Source == "hidden layer");
        Assert.Empty(Typed("The output layer does not have 10 neurons. The neurons of the output layer feed the loss."));
    }

    [Fact]
    public void Every_member_of_a_list_of_parts_is_a_part()
    {
        var typed = Typed("Each neuron is made up of three parts: the dendrites, the cell body, and the axon. The dendrites and the axon meet the cell body in each neuron.");
        Assert.Equal(["axon", "cell body", "dendrite"], typed.Where(r => r.Type == RelationTypes.PartOf && r.Target == "neuron").Select(r => r.Source).Order());
    }

    [Fact]
    public void Two_names_of_one_thing_are_the_same_and_neither_is_a_kind_of_the_other()
    {
        var typed = Typed("When I first met the log loss function (often referred to as cross-entropy loss), I shut the book.");
        Assert.Equal([("log loss", RelationTypes.SameAs, "cross entropy loss")], typed);
    }

    [Fact]
    public void The_author_named_after_a_title_introduced_it()
    {
        var typed = Typed("In the fascinating book “The Brain That Changes Itself,” author Norman Doidge explains the neuron.");
        Assert.Contains(("norman doidge", RelationTypes.Introduced, "the brain that changes itself"), typed);
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

    [Theory]
    [InlineData("There are 2 kinds of ", ": ", RelationTypes.IsA)]
    [InlineData("We use two main types of ", ": ", RelationTypes.IsA)]
    [InlineData("There are 2 kinds of ", ", ", null)]
    [InlineData("We looked at ", ": ", null)]
    [InlineData("We might need two kinds of ", ": ", null)]
    public void A_colon_after_kinds_of_x_lists_kinds_of_x(string before, string between, string? type)
    {
        var match = RelationPatterns.Match(between, before: before);
        Assert.Equal(type, match?.Type);
        if (type is not null)
            Assert.True(match!.Value.Reversed);
    }

    [Fact]
    public void Every_kind_listed_after_the_colon_is_a_kind_of_what_the_sentence_names()
    {
        var typed = Typed("There are 2 kinds of attention: self-attention and cross-attention. Self-attention and cross-attention both use attention heads.");
        Assert.Contains(("self attention", RelationTypes.IsA, "attention"), typed);
        Assert.Contains(("cross attention", RelationTypes.IsA, "attention"), typed);
    }

    [Fact]
    public void A_reading_list_entry_names_a_work_and_its_author_but_states_no_relation()
    {
        var typed = Typed("""
            Books I recommend:
            - Pattern Recognition and Machine Learning by Christopher Bishop
            - Deep Learning with Python by François Chollet

            In the fascinating book “The Brain That Changes Itself,” author Norman Doidge explains the neuron.
            """);
        Assert.DoesNotContain(typed, r => r.Source is "christopher bishop" or "françois chollet");
        Assert.Contains(("norman doidge", RelationTypes.Introduced, "the brain that changes itself"), typed);
    }

    [Fact]
    public void A_list_of_counted_parts_makes_each_count_a_part_of_its_own_whole_only()
    {
        var typed = Typed("""
            The middle layer feeds the output layer, and each layer holds neurons.
            You could think of this network as having 3 layers: Input layer with 4 neurons, Middle layer with 3 neurons, and the Output layer with 2 neurons.
            """);
        Assert.Contains(("neuron", RelationTypes.PartOf, "output layer"), typed);
        Assert.DoesNotContain(typed, r => r.Target == "neuron" || (r.Source.EndsWith("layer", StringComparison.Ordinal) && r.Target.EndsWith("layer", StringComparison.Ordinal)));
    }
}
