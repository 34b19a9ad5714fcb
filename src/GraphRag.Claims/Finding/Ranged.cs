using System.Text.RegularExpressions;

namespace GraphRag.Claims.Finding;

/// <summary>
/// Matching inside a stretch of a text (a line, a sentence, a paragraph) as if it were the whole input
/// (anchors and lookarounds see only the stretch), with positions in the full text.
/// </summary>
internal static class Ranged
{
    public static List<RangedMatch> Matches(Regex regex, string text, int start, int end)
    {
        var part = text[start..end];
        return regex.Matches(part).Select(m => new RangedMatch(m, start)).ToList();
    }

    public static RangedMatch? Match(Regex regex, string text, int start, int end)
    {
        var match = regex.Match(text[start..end]);
        return match.Success ? new RangedMatch(match, start) : null;
    }
}

/// <summary>A match with positions in the full text.</summary>
internal sealed class RangedMatch(Match match, int offset)
{
    public int Index => match.Index + offset;
    public int Length => match.Length;
    public string Value => match.Value;

    public RangedGroup this[string name] => new(match.Groups[name], offset);
}

internal readonly struct RangedGroup(Group group, int offset)
{
    public bool Success => group.Success;
    public string Value => group.Value;
    public int Index => group.Index + offset;
    public int Length => group.Length;
}
