using System.Text;
using GraphRag.Answer;
using GraphRag.Retrieve;
using Microsoft.Extensions.AI;

namespace GraphRag.Web.Answering;

/// <summary>
/// The messages a generator gets: the retrieved passages, numbered, and the question, with the
/// instruction to answer from the passages only and cite them as [n]. The numbers are the
/// citations' numbers, so the page can link every [n] the model writes to its passage.
/// </summary>
public static class GroundedPrompt
{
    public const string Instruction =
        "Answer the question using only the numbered passages from the user's notes. " +
        "After each claim, cite the passage it comes from as [n]. " +
        "If the passages do not answer the question, say that the notes do not answer it.";

    public static IList<ChatMessage> Messages(string question, IReadOnlyList<SearchHit> passages)
    {
        var user = new StringBuilder();
        foreach (var (hit, i) in passages.Select((h, i) => (h, i)))
        {
            user.Append('[').Append(i + 1).Append("] ").Append(hit.Title);
            if (!string.IsNullOrEmpty(hit.HeadingPath))
                user.Append(" › ").Append(hit.HeadingPath);
            user.AppendLine().AppendLine(hit.Text.Trim()).AppendLine();
        }
        user.Append("Question: ").Append(question);
        return [new ChatMessage(ChatRole.System, Instruction), new ChatMessage(ChatRole.User, user.ToString())];
    }

    /// <summary>Passage n as citation n: the whole passage is the quote.</summary>
    public static IReadOnlyList<Citation> Citations(IReadOnlyList<SearchHit> passages) =>
        passages.Select((h, i) => new Citation(i + 1, h.ChunkId, h.ArticleId, h.Title, h.HeadingPath, h.Text, h.StartOffset, h.EndOffset))
            .ToList();
}
