namespace GraphRag.Text;

/// <summary>A span [Start, End) of a text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public bool Contains(TextSpan other) => Start <= other.Start && other.End <= End;

    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    public string Of(string text) => text.Substring(Start, Length);
}
