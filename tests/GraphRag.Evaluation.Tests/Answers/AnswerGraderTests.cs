using GraphRag.Answer;
using GraphRag.Evaluation.Answers;

namespace GraphRag.Evaluation.Tests.Answers;

/// <summary>Grading against the real ingested corpus: citations are placed by hand where the evidence lies, or elsewhere.</summary>
public sealed class AnswerGraderTests : IAsyncLifetime
{
    private const string Scam = "The Statistical Significance Scam";
    private const string Stem = "In STEM subjects only 0.45% of PhD students become professors.";
    private const string Neutrinos = "neutrinos could travel faster than the speed of light";
    private NotesCorpus _corpus = null!;

    private static readonly AnswerQuestion Single = new("t2", "numeric", "What share of STEM PhD students become professors?",
        [[new EvidenceQuote(Scam, Stem)]]);
    private static readonly AnswerQuestion TwoParts = new("t4", "multi", "STEM professors and neutrinos?",
        [[new EvidenceQuote(Scam, Stem)], [new EvidenceQuote(Scam, Neutrinos)]]);
    private static readonly AnswerQuestion Silent = new("t6", AnswerEvalSet.Unanswerable, "Who introduced the p-value?", []);

    public async ValueTask InitializeAsync() => _corpus = await NotesCorpus.IngestAsync();

    public async ValueTask DisposeAsync() => await _corpus.DisposeAsync();

    private AnswerGrader Grader => AnswerGrader.Create(_corpus.Store, [Single, TwoParts, Silent]);

    /// <summary>A citation of [start + from, start + to) of the quote's position in the article.</summary>
    private Citation Cite(string quote, int from, int to)
    {
        var article = _corpus.Store.ListArticles().Single(a => a.Title == Scam);
        var start = article.Text.IndexOf(quote, StringComparison.Ordinal);
        Assert.True(start >= 0);
        return new Citation(1, 1, article.Id, Scam, "", article.Text[(start + from)..(start + to)], start + from, start + to);
    }

    private static GroundedAnswer Answer(params Citation[] citations) => new("q", "text", citations, Found: true, "extractive");

    [Fact]
    public void A_citation_covering_half_the_evidence_supports_it_and_less_than_half_does_not()
    {
        var half = Stem.Length - Stem.Length / 2;
        Assert.True(Grader.Grade(Single, Answer(Cite(Stem, 0, half))).Correct);
        Assert.False(Grader.Grade(Single, Answer(Cite(Stem, 0, half - 1))).Correct);
        // Two citations, one elsewhere in the article: correct, and one of two citations supports it.
        var graded = Grader.Grade(Single, Answer(Cite(Stem, 0, Stem.Length), Cite(Neutrinos, 0, Neutrinos.Length)));
        Assert.True(graded.Correct);
        Assert.Equal(1, graded.SupportingCitations);
    }

    [Fact]
    public void A_multi_part_question_needs_every_part_cited_and_names_the_part_missing()
    {
        var half = Grader.Grade(TwoParts, Answer(Cite(Stem, 0, Stem.Length)));
        Assert.False(half.Correct);
        Assert.Equal(Neutrinos, Assert.Single(half.MissingEvidence).Quote);
        Assert.True(Grader.Grade(TwoParts, Answer(Cite(Stem, 0, Stem.Length), Cite(Neutrinos, 0, Neutrinos.Length))).Correct);
    }

    [Fact]
    public void A_refusal_is_right_only_for_a_question_the_notes_do_not_answer()
    {
        var refusal = new GroundedAnswer("q", ExtractiveAnswerer.NotFound, [], Found: false, "extractive");
        Assert.True(Grader.Grade(Silent, refusal).Correct);
        Assert.False(Grader.Grade(Single, refusal).Correct);
        Assert.False(Grader.Grade(Silent, Answer(Cite(Stem, 0, Stem.Length))).Correct);
    }

    [Fact]
    public void The_summary_counts_accuracy_per_type_and_abstention_with_wilson_intervals()
    {
        var refusal = new GroundedAnswer("q", ExtractiveAnswerer.NotFound, [], Found: false, "extractive");
        var graded = new[]
        {
            Grader.Grade(Single, Answer(Cite(Stem, 0, Stem.Length))),
            Grader.Grade(Single, refusal),
            Grader.Grade(Silent, refusal),
            Grader.Grade(Silent, Answer(Cite(Neutrinos, 0, Neutrinos.Length))),
        };
        var results = AnswerEvaluation.Summarize("notes", "all", graded);

        Assert.Equal((2, 4), (results.Accuracy.Events, results.Accuracy.Total));
        var numeric = results.ByType.Single(t => t.Type == "numeric");
        Assert.Equal((1, 2), (numeric.Accuracy.Events, numeric.Accuracy.Total));
        // R: prop.test(1, 2, correct = FALSE)$conf.int = 0.09453121 0.90546879
        Assert.Equal(0.09453121, numeric.Accuracy.Low, 1e-7);
        Assert.Equal(0.90546879, numeric.Accuracy.High, 1e-7);
        Assert.Equal((1, 2), (results.AbstentionPrecision.Events, results.AbstentionPrecision.Total));
        Assert.Equal((1, 2), (results.AbstentionRecall.Events, results.AbstentionRecall.Total));
        // Citation precision: of the two answers given, one citation of two cites the evidence.
        Assert.Equal((1, 2), (results.CitationPrecision.Events, results.CitationPrecision.Total));
        // Worst first: the unanswerable question answered is a failure given, ahead of the wrong refusal.
        Assert.Equal(["t6", "t2"], results.Failures.Select(f => f.Id));
    }
}
