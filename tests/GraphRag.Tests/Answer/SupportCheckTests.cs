using GraphRag.Answer;
using GraphRag.Retrieve;

namespace GraphRag.Tests.Answer;

/// <summary>The support check by words and numbers alone (no encoder): what each rule lets through and what it marks.</summary>
public sealed class SupportCheckTests
{
    private static readonly IReadOnlyList<SearchHit> Passages =
    [
        new(1, 3.2, 10, 1, "Risk", "", "For every 10,000 people, 45 were diagnosed with bowel cancer, while it was 59 among heavy eaters.", 0, 97),
        new(2, 2.9, 20, 2, "Fusion", "", "Reciprocal rank fusion adds one over k plus rank; k = 60 is common.", 0, 67),
    ];

    private static Task<IReadOnlyList<UnsupportedSentence>> Check(string answer) =>
        new SupportCheck().CheckAsync(answer, Passages, TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_sentence_whose_words_and_numbers_are_in_the_cited_passage_is_supported()
    {
        Assert.Empty(await Check("Of 10000 people, 45 were diagnosed with bowel cancer against 59 heavy eaters [1]. Fusion adds one over k plus rank [2]."));
    }

    [Fact]
    public async Task A_number_missing_from_the_cited_passage_is_marked_even_when_the_words_match()
    {
        var marked = Assert.Single(await Check("Reciprocal rank fusion adds one over k plus rank, with k = 80 [2]."));
        Assert.Equal("the number 80 is not in the cited passage", marked.Problem);
    }

    [Fact]
    public async Task A_sentence_citing_the_wrong_passage_or_none_is_marked()
    {
        var marked = await Check("Reciprocal rank fusion adds one over k plus rank [1]. Bowel cancer is common.");
        Assert.Equal(["the cited passage does not say this", "cites no passage"], marked.Select(m => m.Problem));
    }

    [Fact]
    public async Task A_marker_standing_after_the_full_stop_belongs_to_the_sentence_before_it()
    {
        Assert.Empty(await Check("Reciprocal rank fusion adds one over k plus rank. [2]"));
    }
}
