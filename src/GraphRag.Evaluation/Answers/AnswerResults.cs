using GraphRag.Statistics;

namespace GraphRag.Evaluation.Answers;

/// <summary>A proportion with its 95% Wilson interval (R: <c>prop.test(events, total, correct = FALSE)$conf.int</c>).</summary>
public sealed record Proportion(int Events, int Total, double Value, double Low, double High)
{
    public static Proportion Of(int events, int total)
    {
        if (total == 0)
            return new Proportion(0, 0, double.NaN, double.NaN, double.NaN);
        var (low, high) = ProportionInterval.Wilson(events, total);
        return new Proportion(events, total, (double)events / total, low, high);
    }

    public override string ToString() => Total == 0 ? "–" : $"{Value:0.00} [{Low:0.00}, {High:0.00}] ({Events}/{Total})";
}

/// <summary>One question type's figures.</summary>
/// <param name="Accuracy">Correct answers: answered and citing every part, or (unanswerable) refused.</param>
/// <param name="CitationPrecision">Of the citations of answers given, those that cite the question's evidence.</param>
public sealed record TypeFigures(string Type, Proportion Accuracy, Proportion CitationPrecision);

/// <summary>One question's outcome, as the report lists it.</summary>
/// <param name="Evidence">The answerer's evidence score, the quantity its abstention threshold is set on (null when it gives none).</param>
public sealed record QuestionOutcome(
    string Id,
    string Type,
    string Question,
    bool Correct,
    bool Found,
    double? Evidence,
    string Answer,
    IReadOnlyList<string> Cited,
    IReadOnlyList<EvidenceQuote> Missing);

/// <summary>Everything one `eval --answers` run produced; written as answers.json.</summary>
/// <param name="AbstentionPrecision">Of the refusals, those of unanswerable questions.</param>
/// <param name="AbstentionRecall">Of the unanswerable questions, those refused.</param>
/// <param name="Failures">Wrong answers, worst first: confident answers citing the wrong passages, then wrong refusals.</param>
public sealed record AnswerResults(
    string Dataset,
    string Queries,
    string Method,
    DateTimeOffset CreatedUtc,
    Proportion Accuracy,
    IReadOnlyList<TypeFigures> ByType,
    Proportion CitationPrecision,
    Proportion AbstentionPrecision,
    Proportion AbstentionRecall,
    IReadOnlyList<QuestionOutcome> Questions,
    IReadOnlyList<QuestionOutcome> Failures);
