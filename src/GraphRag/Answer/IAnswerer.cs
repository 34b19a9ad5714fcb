namespace GraphRag.Answer;

/// <summary>A question for the notes, and the retrieval mode for its passages (null: the default mode).</summary>
public sealed record Question(string Text, string? Mode = null);

/// <summary>
/// Answers a question from the notes as a stream of events: the passages it draws on, text as it
/// is written, and the finished answer with its citations (always last). The command line reads
/// the last event; the web app streams them all.
/// </summary>
public interface IAnswerer
{
    IAsyncEnumerable<AnswerEvent> AnswerAsync(Question question, CancellationToken cancellationToken = default);
}

/// <summary>One step of an answer as it is produced.</summary>
public abstract record AnswerEvent;

/// <summary>The passages the answer draws on, each with why it was found.</summary>
public sealed record PassagesFound(IReadOnlyList<Retrieve.SearchHit> Passages) : AnswerEvent;

/// <summary>Answer text as it is written (a generator's output, a piece at a time).</summary>
public sealed record TextWritten(string Text) : AnswerEvent;

/// <summary>The finished answer, with the citations its [n] markers point to.</summary>
public sealed record AnswerCompleted(GroundedAnswer Answer) : AnswerEvent;

/// <summary>Something the user should know about how the answer was made, in one line (the generator failed, say).</summary>
public sealed record AnswerWarning(string Message) : AnswerEvent;

/// <summary>An answer and the passages it was drawn from.</summary>
public sealed record AnswerResult(GroundedAnswer Answer, IReadOnlyList<Retrieve.SearchHit> Passages);

public static class AnswererExtensions
{
    /// <summary>Reads an answer's events to the end: the finished answer and the passages it drew on.</summary>
    public static async Task<AnswerResult> AnswerToEndAsync(this IAnswerer answerer, Question question, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<Retrieve.SearchHit> passages = [];
        await foreach (var step in answerer.AnswerAsync(question, cancellationToken))
        {
            switch (step)
            {
                case PassagesFound found:
                    passages = found.Passages;
                    break;
                case AnswerCompleted done:
                    return new AnswerResult(done.Answer, passages);
            }
        }
        throw new InvalidOperationException($"{answerer.GetType().Name} ended without an answer.");
    }
}
