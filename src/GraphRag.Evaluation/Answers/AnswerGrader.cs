using GraphRag.Answer;
using GraphRag.Evaluation.Notes;
using GraphRag.Store;

namespace GraphRag.Evaluation.Answers;

/// <summary>How one answer fared against what it should have cited.</summary>
/// <param name="Correct">Answerable: the answer was given and cites every part; unanswerable: it was refused.</param>
/// <param name="SupportingCitations">Citations that overlap at least half of one of the question's evidence quotes.</param>
/// <param name="MissingEvidence">A quote of each part the answer did not cite (the first of its group), for the failure list.</param>
public sealed record GradedAnswer(
    AnswerQuestion Question,
    GroundedAnswer Answer,
    bool Correct,
    int SupportingCitations,
    IReadOnlyList<EvidenceQuote> MissingEvidence);

/// <summary>
/// Grades answers by where their citations lie: each evidence quote is found in its article (as the
/// retrieval judgments are, <see cref="SpanResolver"/>), and a citation supports it when the cited
/// span covers at least half of the quote. So a quote counts however the answer's sentences were cut.
/// </summary>
public sealed class AnswerGrader
{
    private readonly IReadOnlyDictionary<EvidenceQuote, JudgedSpan> _spans;

    private AnswerGrader(IReadOnlyDictionary<EvidenceQuote, JudgedSpan> spans) => _spans = spans;

    /// <exception cref="InvalidDataException">An evidence quote whose article or text is not in the database.</exception>
    public static AnswerGrader Create(ArticleStore store, IReadOnlyList<AnswerQuestion> questions)
    {
        var quotes = questions.SelectMany(q => q.Evidence.SelectMany(g => g.Select(e => (q.Id, Quote: e)))).ToList();
        var judgments = quotes.Select(x => new PassageJudgment(x.Id, x.Quote.Article, x.Quote.Quote, 2)).ToList();
        var (spans, problems) = SpanResolver.Resolve(store, judgments);
        if (problems.Count > 0)
        {
            var first = problems[0];
            throw new InvalidDataException(
                $"{AnswerEvalSet.FileName}: {problems.Count} evidence quote(s) not found, e.g. {first.Judgment.Query} " +
                $"\"{first.Judgment.Quote}\" in \"{first.Judgment.Article}\": {first.Problem}. Ingest corpus/ into the database first.");
        }
        return new AnswerGrader(quotes.Zip(judgments).GroupBy(x => x.First.Quote).ToDictionary(g => g.Key, g => spans[g.First().Second]));
    }

    public GradedAnswer Grade(AnswerQuestion question, GroundedAnswer answer)
    {
        var citations = answer.Found ? answer.Citations : [];
        var evidence = question.Evidence.SelectMany(g => g).ToList();
        var supporting = citations.Count(c => evidence.Any(e => Supports(c, e)));
        var missing = question.Evidence.Where(g => !g.Any(e => citations.Any(c => Supports(c, e)))).Select(g => g[0]).ToList();
        var correct = question.Answerable ? answer.Found && missing.Count == 0 : !answer.Found;
        return new GradedAnswer(question, answer, correct, supporting, missing);
    }

    private bool Supports(Citation citation, EvidenceQuote quote)
    {
        var span = _spans[quote];
        return citation.ArticleId == span.ArticleId && 2 * span.Overlap(citation.StartOffset, citation.EndOffset) >= span.Length;
    }
}
