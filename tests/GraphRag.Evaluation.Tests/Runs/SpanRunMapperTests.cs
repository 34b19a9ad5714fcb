using GraphRag.Evaluation.Notes;
using GraphRag.Evaluation.Runs;
using GraphRag.Retrieve;

namespace GraphRag.Evaluation.Tests.Runs;

public sealed class SpanRunMapperTests
{
    private static readonly PassageJudgment Main = new("q", "A", "main quote", 2);
    private static readonly PassageJudgment Side = new("q", "A", "side quote", 1);
    private static readonly PassageJudgment Other = new("other", "A", "other", 2);

    // Article 7: Main at [100, 140), Side at [300, 320); the other query's passage at [500, 520).
    private static readonly SpanRunMapper Mapper = new([Main, Side, Other], new Dictionary<PassageJudgment, JudgedSpan>
    {
        [Main] = new(7, 100, 140),
        [Side] = new(7, 300, 320),
        [Other] = new(7, 500, 520),
    });

    private static SearchHit Hit(long chunkId, long articleId, int start, int end) =>
        new(1, 1.0, chunkId, articleId, "A", "", "", start, end);

    [Fact]
    public void A_chunk_covering_at_least_half_of_a_span_delivers_it_and_less_than_half_does_not()
    {
        // [0, 120) covers 20 of Main's 40 characters (half); [125, 400) covers 15 of Main (< half) but all of Side.
        var ids = Mapper.DocIds("q", [Hit(1, 7, 0, 120), Hit(2, 7, 125, 400)]);
        Assert.Equal(["span:7:100-140", "span:7:300-320"], ids);
    }

    [Fact]
    public void A_span_counts_once_and_repeats_become_their_own_unjudged_chunks()
    {
        var ids = Mapper.DocIds("q", [Hit(1, 7, 90, 200), Hit(2, 7, 95, 150)]);
        Assert.Equal(["span:7:100-140", "chunk:2"], ids);
    }

    [Fact]
    public void A_chunk_holding_two_spans_delivers_the_higher_graded_first()
    {
        var ids = Mapper.DocIds("q", [Hit(1, 7, 0, 400), Hit(2, 7, 0, 400)]);
        Assert.Equal(["span:7:100-140", "span:7:300-320"], ids);
    }

    [Fact]
    public void Spans_judged_for_another_query_or_in_another_article_are_not_delivered()
    {
        Assert.Equal(["chunk:1", "chunk:2"], Mapper.DocIds("q", [Hit(1, 7, 490, 530), Hit(2, 8, 100, 140)]));
    }

    [Fact]
    public void Qrels_hold_each_query_s_spans_with_their_grades()
    {
        Assert.Equal(2, Mapper.Qrels.For("q")["span:7:100-140"]);
        Assert.Equal(1, Mapper.Qrels.For("q")["span:7:300-320"]);
        Assert.False(Mapper.Qrels.For("q").ContainsKey("span:7:500-520"));
    }
}
