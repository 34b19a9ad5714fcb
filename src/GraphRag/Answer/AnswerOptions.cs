namespace GraphRag.Answer;

/// <summary>The "GraphRag:Answer" section: how extractive answers are composed and when they abstain.</summary>
public sealed class AnswerOptions
{
    public const string Section = "GraphRag:Answer";

    /// <summary>
    /// The retrieval mode answers draw their passages from when the question names none; when it is not
    /// available (no encoder for hybrid), the search's default mode. Hybrid answered more dev questions
    /// than lexical (eval --answers --queries dev).
    /// </summary>
    public string Mode { get; set; } = Retrieve.RetrievalModeNames.Hybrid;

    /// <summary>
    /// The evidence score (<see cref="SentenceScorer"/>) below which the answer is a refusal: the
    /// threshold that got the most dev questions right (answers on the answerable, refusals on the rest).
    /// </summary>
    public double MinEvidence { get; set; } = 0.495;

    /// <summary>The same threshold when there is no encoder (embeddings off) and the evidence is words alone, also chosen on the dev questions.</summary>
    public double MinWordsEvidence { get; set; } = 0.34;

    public IEnumerable<string> Problems()
    {
        if (!Retrieve.RetrievalModeNames.All.Contains(Mode, StringComparer.OrdinalIgnoreCase))
            yield return $"{Section}:Mode is \"{Mode}\"; use one of {string.Join(", ", Retrieve.RetrievalModeNames.All)}.";
        if (!double.IsFinite(MinEvidence) || MinEvidence is < -1 or > 2)
            yield return $"{Section}:MinEvidence is {MinEvidence}; it must be a number between -1 and 2.";
        if (!double.IsFinite(MinWordsEvidence) || MinWordsEvidence is < -1 or > 2)
            yield return $"{Section}:MinWordsEvidence is {MinWordsEvidence}; it must be a number between -1 and 2.";
    }
}
