using GraphRag.Retrieve.Lexical;

namespace GraphRag.Answer;

/// <summary>
/// The parts of a question that asks several things ("How quickly did ChatGPT reach a million users,
/// and how many parameters does GPT-3 have?"): split at "and", commas and semicolons where each side
/// still has at least two searchable words, so each part can be searched and answered on its own.
/// </summary>
public static class QuestionParts
{
    private const int MinTerms = 2;
    private static readonly string[] Separators = [", and ", "; ", " and ", ", "];

    /// <summary>The parts, or the question alone when it has one.</summary>
    public static IReadOnlyList<string> Split(string question)
    {
        foreach (var separator in Separators)
        {
            var pieces = question.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (pieces.Length > 1 && pieces.All(p => QueryTerms.Extract(p).Count >= MinTerms))
                return pieces;
        }
        return [question];
    }
}
