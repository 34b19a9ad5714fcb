namespace GraphRag.Generation.Tokenizers;

/// <summary>
/// Cuts text at occurrences of control/user-defined token texts (longest match first), so a chat
/// prompt's <c>&lt;|im_start|&gt;</c> becomes one id instead of being spelled out piece by piece.
/// </summary>
internal sealed class SpecialTokenSplitter
{
    private readonly (string Text, int Id)[] _specials;

    public SpecialTokenSplitter(IEnumerable<(string Text, int Id)> specials) =>
        _specials = specials.Where(s => s.Text.Length > 0).OrderByDescending(s => s.Text.Length).ToArray();

    /// <summary>
    /// Plain-text runs (Id null) and special tokens (Id set) of the segments, in order; adjacent plain text
    /// of different segments is joined so it is tokenized as one run.
    /// </summary>
    public List<(string Text, int? Id)> Split(IEnumerable<TextSegment> segments)
    {
        var parts = new List<(string Text, int? Id)>();
        foreach (var segment in segments)
        {
            foreach (var part in segment.AllowSpecialTokens ? Split(segment.Text) : [(segment.Text, null)])
            {
                if (part.Id is null && parts.Count > 0 && parts[^1].Id is null)
                    parts[^1] = (parts[^1].Text + part.Text, null);
                else if (part.Id is not null || part.Text.Length > 0)
                    parts.Add(part);
            }
        }
        return parts;
    }

    /// <summary>Pieces of plain text (Id null) and special tokens (Id set), in order.</summary>
    public IEnumerable<(string Text, int? Id)> Split(string text)
    {
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            var match = Match(text, i);
            if (match is { } special)
            {
                if (i > start)
                    yield return (text[start..i], null);
                yield return (special.Text, special.Id);
                i += special.Text.Length;
                start = i;
            }
            else
            {
                i++;
            }
        }
        if (start < text.Length)
            yield return (text[start..], null);
    }

    private (string Text, int Id)? Match(string text, int at)
    {
        foreach (var special in _specials)
        {
            if (string.CompareOrdinal(text, at, special.Text, 0, special.Text.Length) == 0)
                return special;
        }
        return null;
    }
}
