using GraphRag.Answer;
using GraphRag.Retrieve;

namespace GraphRag.Tests.Answer;

public class GenerativeAnswererTests
{
    private static readonly IReadOnlyList<SearchHit> Hits =
    [
        new(1, 3.2, 10, 1, "Ranking metrics", "NDCG", "NDCG discounts gains by log2 of the rank.", 100, 141),
        new(2, 2.9, 20, 2, "Fusion", "", "RRF adds 1/(k + rank); k = 60 is common.", 0, 41),
        new(3, 1.1, 30, 3, "Indexes", "", "A covering index answers a query alone.", 5, 45),
    ];

    [Fact]
    public void Citations_are_exactly_the_passages_the_model_cited_keeping_its_numbers()
    {
        var answer = GenerativeAnswerer.Finish("q", "  RRF uses k = 60 [2], and NDCG uses log2 discounts [1][2]. [7] is not a passage.  ", Hits);

        Assert.True(answer.Found);
        Assert.Equal("generator", answer.Method);
        Assert.Equal([2, 1], answer.Citations.Select(c => c.N));
        Assert.Equal([20L, 10L], answer.Citations.Select(c => c.ChunkId));
        Assert.Equal(Hits[1].Text, answer.Citations[0].Quote);
        Assert.Equal(Hits[0].StartOffset, answer.Citations[1].StartOffset);
        Assert.StartsWith("RRF", answer.Text);
    }

    [Theory]
    [InlineData("The notes do not contain the answer.")]
    [InlineData("   ")]
    public void A_model_that_finds_nothing_gives_the_not_found_answer(string text)
    {
        var answer = GenerativeAnswerer.Finish("q", text, Hits);
        Assert.False(answer.Found);
        Assert.Empty(answer.Citations);
        Assert.Equal(ExtractiveAnswerer.NotFound, answer.Text);
    }
}
