using GraphRag.Evaluation.Trec;

namespace GraphRag.Evaluation.Tests.Trec;

public sealed class TrecEvaluationTests
{
    private const string QrelsText = """
        q1 0 d1 1
        q1 0 d2 0
        q1 0 d3 1
        q2 0 e1 0
        q3 0 f1 2
        """;

    [Fact]
    public void Score_ties_are_broken_by_document_id_descending_and_the_rank_column_is_ignored()
    {
        // d1 and d3 tie with d9; descending ids put d9, d3, d1 first, whatever the rank column says.
        var run = TrecRun.Parse(new StringReader("""
            q1 Q0 d1 1 5.0 r
            q1 Q0 d3 2 5.0 r
            q1 Q0 d9 3 5.0 r
            q1 Q0 d2 4 7.0 r
            """), "run");
        Assert.Equal(["d2", "d9", "d3", "d1"], run.Ranked("q1"));
        var evaluation = TrecEvaluation.Evaluate(Qrels.Parse(new StringReader(QrelsText), "qrels"), run);
        // first relevant (d3) at rank 3; AP = (1/3 + 2/4) / 2 = 0.416667
        Assert.Equal(1.0 / 3, evaluation.PerQuery["q1"]["recip_rank"], 1e-12);
        Assert.Equal((1.0 / 3 + 0.5) / 2, evaluation.PerQuery["q1"]["map"], 1e-12);
    }

    [Fact]
    public void Queries_missing_from_the_qrels_are_ignored_and_queries_without_relevant_documents_count_as_zero()
    {
        var run = TrecRun.Parse(new StringReader("""
            q1 Q0 d1 1 3 r
            q2 Q0 e1 1 3 r
            q9 Q0 z1 1 3 r
            """), "run");
        var evaluation = TrecEvaluation.Evaluate(Qrels.Parse(new StringReader(QrelsText), "qrels"), run);
        Assert.Equal(["q1", "q2"], evaluation.PerQuery.Keys.Order());
        Assert.Equal(0.0, evaluation.PerQuery["q2"]["ndcg"]);
        // q1: recip_rank 1; q2: 0 → mean 0.5 (q3 has no results and is skipped without -c)
        Assert.Equal(0.5, evaluation.All["recip_rank"], 1e-12);
    }

    [Fact]
    public void Complete_mode_counts_judged_queries_the_run_lacks_as_zero()
    {
        var run = TrecRun.Parse(new StringReader("q1 Q0 d1 1 3 r"), "run");
        var evaluation = TrecEvaluation.Evaluate(Qrels.Parse(new StringReader(QrelsText), "qrels"), run, completeQrels: true);
        Assert.Equal(3, evaluation.PerQuery.Count);
        Assert.Equal(1.0 / 3, evaluation.All["recip_rank"], 1e-12);
    }

    [Fact]
    public void Default_measures_are_named_as_trec_eval_prints_them()
    {
        var names = TrecMeasureSet.Default.Names;
        foreach (var name in new[] { "ndcg", "ndcg_cut_5", "ndcg_cut_10", "ndcg_cut_20", "ndcg_cut_100", "map", "recip_rank",
                     "P_5", "P_10", "recall_5", "recall_100", "success_1", "success_5", "success_10" })
            Assert.Contains(name, names);
    }

    [Fact]
    public void A_malformed_run_line_names_the_file_and_line()
    {
        var ex = Assert.Throws<InvalidDataException>(() => TrecRun.Parse(new StringReader("q1 Q0 d1 1 3 r\nq1 Q0 d2 x r"), "my.run"));
        Assert.Contains("my.run:2", ex.Message);
    }

    [Fact]
    public void A_document_judged_twice_is_rejected_like_trec_eval_does()
    {
        var ex = Assert.Throws<InvalidDataException>(() => Qrels.Parse(new StringReader("q1 0 d1 1\nq1 0 d1 0"), "my.qrels"));
        Assert.Contains("my.qrels:2", ex.Message);
    }

    [Fact]
    public void A_run_written_and_read_back_keeps_its_order()
    {
        var run = new TrecRun("mine");
        run.Add("q1", "b", 1.5);
        run.Add("q1", "a", 2.25);
        var writer = new StringWriter();
        run.Write(writer);
        var back = TrecRun.Parse(new StringReader(writer.ToString()), "written");
        Assert.Equal(["a", "b"], back.Ranked("q1"));
        Assert.Equal("mine", back.Name);
    }
}
