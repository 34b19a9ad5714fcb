using System.Text;

namespace GraphRag.Graph.Extract;

/// <summary>
/// The normalised form under which surface variants of one name meet: case, plural, hyphen and
/// punctuation variants collapse ("Knowledge-Graphs", "knowledge graph"); numbers and versions stay
/// ("GPT-2" → "gpt2", "GPT-3" → "gpt3", never equal).
/// </summary>
public static class EntityKeys
{
    private static readonly HashSet<string> KeepFinalS = new(StringComparer.Ordinal)
    {
        "series", "species", "news", "physics", "mathematics", "statistics", "economics", "analytics", "ethics",
        "analysis", "basis", "thesis", "hypothesis", "diagnosis", "axis", "bias", "corpus", "status", "bus", "gas",
        "class", "less", "loss", "process", "access", "success", "pandas", "kubernetes", "redis", "keras", "aws", "https",
    };

    public static string Normalize(string surface) => Normalize(surface, keepPlural: false);

    /// <param name="keepPlural">For names whose final "s" is not a plural ("Karen Spärck Jones", "George F. Simmons"): keep it.</param>
    public static string Normalize(string surface, bool keepPlural)
    {
        var tokens = Tokens(surface);
        if (tokens.Count == 0)
            return "";
        if (!keepPlural)
            tokens[^1] = Singular(tokens[^1]);
        var key = new StringBuilder();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i].ToLowerInvariant();
            // A version number joins its name: "GPT-2", "GPT 2" and "GPT2" are one key.
            var joins = i > 0 && token.All(char.IsAsciiDigit) && char.IsLetter(tokens[i - 1][^1]);
            if (i > 0 && !joins)
                key.Append(' ');
            key.Append(token);
        }
        return key.ToString();
    }

    private static List<string> Tokens(string surface)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var c in surface)
        {
            // A dot between digits is part of a version ("3.5"); everything else separates.
            if (char.IsLetterOrDigit(c) || (c == '.' && current.Length > 0 && char.IsAsciiDigit(current[^1])))
            {
                current.Append(c);
                continue;
            }
            Flush();
        }
        Flush();
        return tokens;

        void Flush()
        {
            var token = current.ToString().TrimEnd('.');
            if (token.Length > 0)
                tokens.Add(token);
            current.Clear();
        }
    }

    /// <summary>English plural of the last word; acronyms keep a capital final S ("AWS") but lose a small one ("LLMs").</summary>
    private static string Singular(string word)
    {
        if (word.Length > 2 && word[^1] == 's' && word[..^1].All(char.IsUpper))
            return word[..^1];
        if (word.Any(char.IsUpper) && word.Skip(1).Any(char.IsUpper))
            return word;
        var lower = word.ToLowerInvariant();
        if (lower.Length <= 3 || !lower.EndsWith('s') || KeepFinalS.Contains(lower) || lower.EndsWith("ss", StringComparison.Ordinal) || lower.EndsWith("us", StringComparison.Ordinal) || lower.EndsWith("is", StringComparison.Ordinal))
            return word;
        if (lower.EndsWith("ies", StringComparison.Ordinal) && lower.Length > 4)
            return word[..^3] + "y";
        if (lower.EndsWith("sses", StringComparison.Ordinal) || lower.EndsWith("xes", StringComparison.Ordinal) || lower.EndsWith("ches", StringComparison.Ordinal) || lower.EndsWith("shes", StringComparison.Ordinal))
            return word[..^2];
        return word[..^1];
    }
}
