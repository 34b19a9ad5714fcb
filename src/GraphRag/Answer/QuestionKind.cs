using System.Text.RegularExpressions;

namespace GraphRag.Answer;

/// <summary>What a question asks for, which decides what a sentence that answers it looks like.</summary>
public enum QuestionKind
{
    Other,
    Definition,
    Number,
    Reason,
    Comparison,
    Procedure,
}

/// <summary>
/// Reads what a question asks for from its wording ("how many" wants a number, "why" a reason), and
/// whether a sentence has the shape of that kind of answer (a number, a "because", a contrast).
/// </summary>
public static partial class QuestionKinds
{
    public static QuestionKind Classify(string question)
    {
        var q = question.Trim().ToLowerInvariant();
        if (NumberQuestion().IsMatch(q))
            return QuestionKind.Number;
        if (q.StartsWith("why", StringComparison.Ordinal) || q.Contains("what causes", StringComparison.Ordinal) || q.Contains("reason", StringComparison.Ordinal))
            return QuestionKind.Reason;
        if (ComparisonQuestion().IsMatch(q))
            return QuestionKind.Comparison;
        if (ProcedureQuestion().IsMatch(q))
            return QuestionKind.Procedure;
        if (DefinitionQuestion().IsMatch(q))
            return QuestionKind.Definition;
        return QuestionKind.Other;
    }

    /// <summary>Whether a sentence has the form of an answer of this kind.</summary>
    /// <param name="negated">The question asks why something is not so ("why is a p-value not …"): a sentence that denies it answers.</param>
    public static bool Fits(QuestionKind kind, string sentence, bool negated = false) => kind switch
    {
        QuestionKind.Number => Digit().IsMatch(sentence),
        QuestionKind.Reason => ReasonCue().IsMatch(sentence) || (negated && Negation().IsMatch(sentence)),
        QuestionKind.Comparison => ComparisonCue().IsMatch(sentence),
        QuestionKind.Procedure => ProcedureCue().IsMatch(sentence),
        QuestionKind.Definition => DefinitionCue().IsMatch(sentence),
        _ => false,
    };

    [GeneratedRegex(@"^(how (many|much|long|quickly|fast|large|big|often|old)|what (percentage|share|proportion|fraction|number|odds|learning rate)|what are the odds)|\b(percent|percentage|how many|how much|absolute terms|in numbers)\b")]
    private static partial Regex NumberQuestion();

    [GeneratedRegex(@"\b(difference between|differ|compare|compared|versus|vs\.?|agree)\b")]
    private static partial Regex ComparisonQuestion();

    [GeneratedRegex(@"^(how (do|does|can|should|to|is|are)|what steps|in what way)\b")]
    private static partial Regex ProcedureQuestion();

    [GeneratedRegex(@"^(what (is|are|does|do)|who (is|was)|which|define)\b")]
    private static partial Regex DefinitionQuestion();

    /// <summary>A question that asks why something is not, or cannot be, so.</summary>
    public static bool IsNegated(string question) => Negation().IsMatch(question);

    [GeneratedRegex(@"\b(not|no|never|cannot|can't|can’t|isn't|isn’t|doesn't|doesn’t|don't|don’t|won't|won’t|aren't|aren’t)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Negation();

    [GeneratedRegex(@"\d")]
    private static partial Regex Digit();

    [GeneratedRegex(@"\b(because|since|due to|so that|therefore|thus|hence|which means|leads? to|caus(e|es|ed)|the reason|problem|issue)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReasonCue();

    [GeneratedRegex(@"\b(while|whereas|unlike|on the other hand|instead|both|differ|difference|compared|than|but)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ComparisonCue();

    [GeneratedRegex(@"\b(by|first|then|step|use|using|used|apply|add(ed)?|multiply|compute|take)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ProcedureCue();

    [GeneratedRegex(@"\b(is|are|means|refers to|called|known as|defined as|is used|converts?|transforms?|outputs?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DefinitionCue();
}
