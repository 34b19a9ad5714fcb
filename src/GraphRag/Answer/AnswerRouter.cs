namespace GraphRag.Answer;

/// <summary>
/// Chooses how a question is answered, the same way everywhere: a question about the notes as a
/// whole gets their themes (when a graph supplies them), otherwise a configured generator writes
/// the answer, and without one the answer is extracted from the notes.
/// </summary>
public sealed class AnswerRouter(ExtractiveAnswerer extractive, GenerativeAnswerer? generative = null, ThemeAnswerer? themes = null) : IAnswerer
{
    public IAnswerer Choose(Question question) =>
        themes is not null && BroadQuestions.IsBroad(question.Text) ? themes
        : generative is not null ? generative
        : extractive;

    public IAsyncEnumerable<AnswerEvent> AnswerAsync(Question question, CancellationToken cancellationToken = default) =>
        Choose(question).AnswerAsync(question, cancellationToken);
}
