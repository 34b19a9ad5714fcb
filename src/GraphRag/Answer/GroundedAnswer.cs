namespace GraphRag.Answer;

/// <summary>An answer with the citations its [n] markers point to.</summary>
/// <param name="Found">False when the notes hold nothing relevant; <see cref="Text"/> then says so.</param>
/// <param name="Method">"extractive" or the generator that wrote it.</param>
public sealed record GroundedAnswer(string Question, string Text, IReadOnlyList<Citation> Citations, bool Found, string Method)
{
    /// <summary>
    /// How strongly the best passage answers the question, on the extractive answerer's scale: what its
    /// abstention threshold is set against (null for answers that are not scored that way).
    /// </summary>
    public double? Evidence { get; init; }

    /// <summary>Sentences of a generated answer that the passages they cite do not bear out.</summary>
    public IReadOnlyList<UnsupportedSentence> Unsupported { get; init; } = [];

    /// <summary>
    /// What the notes' own checks say of cited sentences: the figures worked out from a sentence's numbers
    /// when they are what the question asks, and every dispute (a cited sentence that misreads a statistic).
    /// </summary>
    public IReadOnlyList<CitationCheck> Checks { get; init; } = [];

    /// <summary>A one-line warning on how the answer was made (the generator failed and it was extracted instead), or null.</summary>
    public string? Warning { get; init; }
}

/// <summary>A statement check of what is cited as [<paramref name="Citation"/>] (<see cref="StatementCheck"/>).</summary>
/// <param name="Statement">The checked sentence, when the citation is a whole passage (a generated answer's); null when the citation is that sentence.</param>
public sealed record CitationCheck(int Citation, string? Figures, string? Correction, string? Statement = null);
