using System.Text.RegularExpressions;

namespace GraphRag.Answer;

/// <summary>
/// Recognises questions about the notes as a whole, which no single passage answers and which
/// retrieval would answer with whatever happens to share a word ("notes", "main").
/// </summary>
public static partial class BroadQuestions
{
    public static bool IsBroad(string question) => Broad().IsMatch(question);

    [GeneratedRegex(
        @"\b(main|key|major|recurring|common)\s+(themes?|topics?|subjects?|ideas?)\b" +
        @"|\bwhat\s+(themes?|topics?|subjects?)\b" +
        @"|\bwhat\s+(are|is)\s+(my|the|these)\s+notes\s+(mostly\s+)?about\b" +
        @"|\b(overview|summar(y|ise|ize))\s+(of\s+)?(my|the|all)\s+(notes|corpus|articles)\b" +
        @"|\bwhat\s+do\s+(my|the)\s+notes\s+(cover|discuss)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Broad();
}
