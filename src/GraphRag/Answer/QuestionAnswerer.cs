using GraphRag.Retrieve;
using GraphRag.Store;
using Microsoft.Extensions.AI;

namespace GraphRag.Answer;

/// <summary>
/// Chooses how a question is answered, the same way everywhere: a question about the notes as a
/// whole gets their themes (when a graph supplies them), otherwise a configured generator writes
/// the answer, and without one the answer is extracted from the notes.
/// </summary>
public sealed class QuestionAnswerer(IChatClient? chat, IThemeSource? themes, ArticleStore store)
{
    /// <param name="retriever">Asked for only when the passages are needed (not for a broad question).</param>
    public Task<GroundedAnswer> AnswerAsync(string question, Func<IRetriever> retriever, CancellationToken cancellationToken = default) =>
        BroadQuestions.IsBroad(question) && themes is not null
            ? new ThemeAnswerer(themes, store).AnswerAsync(question, cancellationToken)
            : chat is not null
                ? new GenerativeAnswerer(retriever(), chat).AnswerAsync(question, cancellationToken)
                : new ExtractiveAnswerer(retriever()).AnswerAsync(question, cancellationToken);
}
