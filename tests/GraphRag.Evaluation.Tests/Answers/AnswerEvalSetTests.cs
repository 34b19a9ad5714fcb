using GraphRag.Evaluation.Answers;
using GraphRag.Evaluation.Runs;
using GraphRag.Tests;

namespace GraphRag.Evaluation.Tests.Answers;

public sealed class AnswerEvalSetTests
{
    private static IReadOnlyList<AnswerQuestion> Committed() => AnswerEvalSet.Read(TestPaths.Repo("eval", "notes"));

    [Fact]
    public void The_committed_set_has_at_least_twelve_questions_of_every_type_in_both_halves()
    {
        var questions = Committed();
        foreach (var type in AnswerEvalSet.Types)
        {
            var ofType = questions.Where(q => q.Type == type).ToList();
            Assert.True(ofType.Count >= 12, $"{type}: only {ofType.Count} questions");
            Assert.Contains(ofType, q => QuerySplit.IsDev(q.Id));
            Assert.Contains(ofType, q => !QuerySplit.IsDev(q.Id));
        }
        // A multi-hop question needs passages of two articles.
        Assert.All(questions.Where(q => q.Type == "multi"),
            q => Assert.True(q.Evidence.Select(g => g[0].Article).Distinct().Count() >= 2, q.Id));
    }

    [Fact]
    public async Task Every_evidence_quote_is_found_in_its_article_after_ingesting_the_corpus()
    {
        await using var corpus = await NotesCorpus.IngestAsync();
        // Throws, naming the first quote not found, when any is missing.
        AnswerGrader.Create(corpus.Store, Committed());
    }

    [Theory]
    [InlineData("""{"id":"x1","type":"unanswerable","text":"Q?","evidence":[[{"article":"T","quote":"q"}]]}""", "unanswerable question has no evidence")]
    [InlineData("""{"id":"x1","type":"factual","text":"Q?","evidence":[]}""", "unanswerable question has no evidence")]
    [InlineData("""{"id":"x1","type":"multi","text":"Q?","evidence":[[{"article":"T","quote":"q"}]]}""", "at least two")]
    [InlineData("""{"id":"x1","type":"trivia","text":"Q?","evidence":[]}""", "is not one of")]
    public void A_question_whose_evidence_does_not_fit_its_type_is_rejected_with_the_file_and_line(string line, string problem)
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File(AnswerEvalSet.FileName), "\n" + line + "\n");
        var ex = Assert.Throws<InvalidDataException>(() => AnswerEvalSet.Read(dir.Path));
        Assert.Contains($"{AnswerEvalSet.FileName}:2", ex.Message);
        Assert.Contains(problem, ex.Message);
    }
}
