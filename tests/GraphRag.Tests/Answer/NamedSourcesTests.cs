using GraphRag.Answer;
using GraphRag.Store;

namespace GraphRag.Tests.Answer;

/// <summary>Questions that name the notes they ask about, matched against titles of corpus/ (as ingested).</summary>
public sealed class NamedSourcesTests
{
    private static readonly IReadOnlyList<ArticleStore.ArticleTitle> Titles =
    [
        new(1, "Neural Networks – Part 1"),
        new(2, "Neural Networks – Part 2"),
        new(3, "Neural Networks – Part 3"),
        new(4, "Deep Dive into Transformers by Hand ✍︎"),
        new(5, "LLMs from Scratch Using Middle School Math"),
        new(6, "The Statistical Significance Scam"),
    ];

    [Fact]
    public void A_series_names_all_its_parts_and_a_tutorial_its_article()
    {
        var sources = NamedSources.Find("What does ReLU do according to the neural networks series and the transformers by hand tutorial?", () => Titles);

        Assert.Equal(2, sources.Count);
        Assert.Equal([1, 2, 3], sources[0].ArticleIds.Order());
        Assert.Equal([4], sources[1].ArticleIds);
        Assert.Equal("What does ReLU do according to and ?", NamedSources.Without("What does ReLU do according to the neural networks series and the transformers by hand tutorial?", sources));
    }

    [Fact]
    public void A_question_without_a_naming_phrase_never_reads_the_titles() =>
        Assert.Empty(NamedSources.Find("What does softmax do?", () => throw new InvalidOperationException("titles read")));

    [Theory]
    [InlineData("the neural networks series")]
    [InlineData("What is in the neural networks series?")]
    public void A_question_that_is_all_source_keeps_its_words(string question)
    {
        var sources = NamedSources.Find(question, () => Titles);
        Assert.Single(sources);
        Assert.Equal(question, NamedSources.Without(question, sources));
    }

    [Fact]
    public void A_hyphenated_name_matches_the_title_words_it_joins()
    {
        var source = Assert.Single(NamedSources.Find("How does the from-scratch article describe tokens?", () => Titles));
        Assert.Equal([5], source.ArticleIds);
    }

    [Theory]
    [InlineData("Do the notes agree on how many words English has?")] // "the notes" names no article
    [InlineData("What does the newsletter say about tokens?")] // no title words to match
    [InlineData("What does the cooking blog say about bread?")] // no title holds "cooking"
    [InlineData("What does softmax do?")]
    public void A_question_that_names_no_article_of_the_notes_has_no_sources(string question)
    {
        Assert.Empty(NamedSources.Find(question, () => Titles));
        Assert.Equal(question, NamedSources.Without(question, []));
    }
}
