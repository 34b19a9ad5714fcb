using GraphRag.Answer;

namespace GraphRag.Evaluation.Answers;

/// <summary>Asks every question of an answer set and sums up how the answers fared, per question type.</summary>
/// <param name="mode">Retrieval mode for the answers' passages (null: the configured default).</param>
public sealed class AnswerEvaluation(IAnswerer answerer, AnswerGrader grader, string? mode = null)
{
    public const int FailuresListed = 12;

    public async Task<AnswerResults> RunAsync(string dataset, string queries, IReadOnlyList<AnswerQuestion> questions,
        IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var graded = new List<GradedAnswer>();
        foreach (var question in questions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report($"{question.Id}: {question.Text}");
            var answer = (await answerer.AnswerToEndAsync(new Question(question.Text, mode), cancellationToken)).Answer;
            graded.Add(grader.Grade(question, answer));
        }
        return Summarize(dataset, queries, graded);
    }

    public static AnswerResults Summarize(string dataset, string queries, IReadOnlyList<GradedAnswer> graded)
    {
        var byType = AnswerEvalSet.Types
            .Select(t => graded.Where(g => g.Question.Type == t).ToList())
            .Where(g => g.Count > 0)
            .Select(g => new TypeFigures(g[0].Question.Type, Accuracy(g), CitationPrecision(g)))
            .ToList();
        var refused = graded.Where(g => !g.Answer.Found).ToList();
        var unanswerable = graded.Where(g => !g.Question.Answerable).ToList();
        var outcomes = graded.Select(Outcome).ToList();
        var failures = graded
            .Where(g => !g.Correct)
            // A wrong answer given is worse than a refusal: the user is misled rather than left without one.
            .OrderByDescending(g => g.Answer.Found)
            .ThenByDescending(g => g.Answer.Evidence ?? 0)
            .Take(FailuresListed)
            .Select(Outcome)
            .ToList();
        var method = string.Join(", ", graded.Select(g => g.Answer.Method).Distinct().Order());
        return new AnswerResults(dataset, queries, method, DateTimeOffset.UtcNow,
            Accuracy(graded), byType, CitationPrecision(graded),
            Proportion.Of(refused.Count(g => !g.Question.Answerable), refused.Count),
            Proportion.Of(unanswerable.Count(g => !g.Answer.Found), unanswerable.Count),
            outcomes, failures);
    }

    private static Proportion Accuracy(IReadOnlyList<GradedAnswer> graded) => Proportion.Of(graded.Count(g => g.Correct), graded.Count);

    private static Proportion CitationPrecision(IReadOnlyList<GradedAnswer> graded)
    {
        var answered = graded.Where(g => g.Answer.Found).ToList();
        return Proportion.Of(answered.Sum(g => g.SupportingCitations), answered.Sum(g => g.Answer.Citations.Count));
    }

    private static QuestionOutcome Outcome(GradedAnswer g) => new(
        g.Question.Id, g.Question.Type, g.Question.Text, g.Correct, g.Answer.Found, g.Answer.Evidence, g.Answer.Text,
        g.Answer.Found ? g.Answer.Citations.Select(c => $"{c.Title}: {c.Quote}").ToList() : [],
        g.MissingEvidence);
}
