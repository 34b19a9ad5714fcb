using System.Text;
using System.Text.RegularExpressions;

namespace GraphRag.Ingest.Reading;

/// <summary>The layout every cleaned article text shares: no trailing whitespace, paragraphs
/// separated by one blank line, no blank lines at either end.</summary>
public static partial class TextLayout
{
    public static string Tidy(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingBlank = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd();
            if (line.Length == 0)
            {
                pendingBlank = builder.Length > 0;
                continue;
            }
            if (builder.Length > 0)
                builder.Append(pendingBlank ? "\n\n" : "\n");
            builder.Append(line);
            pendingBlank = false;
        }
        return builder.ToString();
    }

    /// <summary>Collapses runs of whitespace (a title spread over lines, a heading with double spaces).</summary>
    public static string OneLine(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>Letters and digits only, lower-cased: for "is this heading the title again?" comparisons
    /// that must ignore emphasis markers, punctuation and capitalisation.</summary>
    public static string Comparable(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
            if (char.IsLetterOrDigit(c))
                builder.Append(char.ToLowerInvariant(c));
        return builder.ToString();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
