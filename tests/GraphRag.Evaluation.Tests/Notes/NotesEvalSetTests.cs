using GraphRag.Evaluation.Notes;
using GraphRag.Tests;

namespace GraphRag.Evaluation.Tests.Notes;

public sealed class NotesEvalSetTests
{
    private static NotesEvalSet Committed() => NotesEvalSet.Read(TestPaths.Repo("eval", "notes"));

    [Fact]
    public void The_committed_set_has_at_least_fifty_questions_of_every_kind_each_with_a_relevant_passage()
    {
        var set = Committed();
        Assert.True(set.Questions.Count >= 50, $"only {set.Questions.Count} questions");
        foreach (var type in new[] { "factual", "paraphrase", "multi", "thematic", "numeric" })
            Assert.Contains(set.Questions, q => q.Type == type);
        Assert.All(set.Questions, q => Assert.Contains(set.Judgments, j => j.Query == q.Id && j.Grade > 0));
        // Questions that need two articles really judge passages in two articles.
        Assert.All(set.Questions.Where(q => q.Type == "multi"),
            q => Assert.True(set.Judgments.Where(j => j.Query == q.Id && j.Grade > 0).Select(j => j.Article).Distinct().Count() >= 2, q.Id));
    }

    [Fact]
    public async Task Every_judged_quote_is_found_in_its_article_after_ingesting_the_corpus()
    {
        await using var corpus = await NotesCorpus.IngestAsync();
        var set = Committed();
        var (spans, problems) = SpanResolver.Resolve(corpus.Store, set.Judgments);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Select(p => $"{p.Judgment.Query} [{p.Judgment.Article}] \"{p.Judgment.Quote}\": {p.Problem}")));
        Assert.Equal(set.Judgments.Count, spans.Count);
    }

    [Fact]
    public void A_judgment_for_an_unknown_question_is_rejected_with_the_file_named()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("questions.jsonl"), """{"id":"a","type":"factual","text":"What?"}""" + "\n");
        File.WriteAllText(dir.File("judgments.jsonl"), """{"query":"b","article":"T","quote":"x","grade":2}""" + "\n");
        var ex = Assert.Throws<InvalidDataException>(() => NotesEvalSet.Read(dir.Path));
        Assert.Contains("judgments.jsonl", ex.Message);
        Assert.Contains("no question has that id", ex.Message);
    }

    [Fact]
    public void A_grade_outside_zero_to_two_is_rejected()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("questions.jsonl"), """{"id":"a","type":"factual","text":"What?"}""" + "\n");
        File.WriteAllText(dir.File("judgments.jsonl"), """{"query":"a","article":"T","quote":"x","grade":3}""" + "\n");
        Assert.Contains("outside 0–2", Assert.Throws<InvalidDataException>(() => NotesEvalSet.Read(dir.Path)).Message);
    }
}
