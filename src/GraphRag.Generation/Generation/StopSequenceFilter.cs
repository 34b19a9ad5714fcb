namespace GraphRag.Generation.Generation;

/// <summary>
/// Streams text while watching for stop sequences: text that might be the start of a stop sequence is
/// held back until it is clear, so a caller never sees part of a stop sequence.
/// </summary>
internal sealed class StopSequenceFilter(IReadOnlyList<string> stopSequences)
{
    private readonly System.Text.StringBuilder _text = new();
    private int _emitted;

    public bool Stopped { get; private set; }

    /// <summary>All text accepted so far, up to (not including) a stop sequence.</summary>
    public string Text => _text.ToString(0, Stopped ? _emitted : _text.Length);

    /// <summary>Adds decoded text and returns what is now safe to show.</summary>
    public string Push(string piece)
    {
        if (Stopped || piece.Length == 0)
            return "";
        _text.Append(piece);
        var text = _text.ToString();
        var cut = text.Length;
        foreach (var stop in stopSequences)
        {
            var at = text.IndexOf(stop, Math.Max(0, _emitted - stop.Length + 1), StringComparison.Ordinal);
            if (at >= 0 && at < cut)
            {
                cut = at;
                Stopped = true;
            }
        }
        if (!Stopped)
        {
            // Hold back a tail that is a proper prefix of some stop sequence.
            foreach (var stop in stopSequences)
            {
                for (var length = Math.Min(stop.Length - 1, text.Length); length > 0; length--)
                {
                    if (string.CompareOrdinal(text, text.Length - length, stop, 0, length) == 0)
                    {
                        cut = Math.Min(cut, text.Length - length);
                        break;
                    }
                }
            }
        }
        cut = Math.Max(cut, _emitted);
        var safe = text[_emitted..cut];
        _emitted = cut;
        return safe;
    }

    /// <summary>At the end, whatever was held back is released.</summary>
    public string Flush()
    {
        if (Stopped)
            return "";
        var rest = _text.ToString(_emitted, _text.Length - _emitted);
        _emitted = _text.Length;
        return rest;
    }
}
