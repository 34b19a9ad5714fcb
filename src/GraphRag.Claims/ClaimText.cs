using GraphRag.Text;

namespace GraphRag.Claims;

/// <summary>
/// A text being searched for claims, split once into paragraphs and sentences, with the lookups the
/// finders and the checker share: the sentence or paragraph around a position, and the neighbourhood
/// (a paragraph and the ones either side) in which a number's baseline, counts or formula are looked for.
/// </summary>
internal sealed class ClaimText
{
    public ClaimText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Value = text;
        Paragraphs = GraphRag.Text.Paragraphs.Split(text);
        Sentences = GraphRag.Text.Sentences.Split(text);
    }

    public string Value { get; }

    public IReadOnlyList<TextSpan> Paragraphs { get; }

    public IReadOnlyList<TextSpan> Sentences { get; }

    /// <summary>The sentence holding <paramref name="position"/> (or the last one before it).</summary>
    public TextSpan SentenceAt(int position) => At(Sentences, position);

    /// <summary>The sentence before the one holding <paramref name="position"/>, if any.</summary>
    public TextSpan? SentenceBefore(int position)
    {
        var index = GraphRag.Text.Paragraphs.IndexAt(Sentences, position);
        return index > 0 ? Sentences[index - 1] : null;
    }

    /// <summary>The sentence after the one holding <paramref name="position"/>, if any.</summary>
    public TextSpan? SentenceAfter(int position)
    {
        var index = GraphRag.Text.Paragraphs.IndexAt(Sentences, position);
        return index + 1 < Sentences.Count ? Sentences[index + 1] : null;
    }

    public TextSpan ParagraphAt(int position) => At(Paragraphs, position);

    /// <summary>The paragraph holding <paramref name="position"/> with the paragraphs just before and after it.</summary>
    public TextSpan NeighbourhoodOf(int position)
    {
        var index = Math.Max(0, GraphRag.Text.Paragraphs.IndexAt(Paragraphs, position));
        if (Paragraphs.Count == 0) return new TextSpan(0, Value.Length);
        return new TextSpan(Paragraphs[Math.Max(0, index - 1)].Start, Paragraphs[Math.Min(Paragraphs.Count - 1, index + 1)].End);
    }

    public string Of(TextSpan span) => span.Of(Value);

    private TextSpan At(IReadOnlyList<TextSpan> spans, int position)
    {
        var index = GraphRag.Text.Paragraphs.IndexAt(spans, position);
        return index >= 0 ? spans[index] : new TextSpan(0, Math.Min(Value.Length, Math.Max(0, position)));
    }
}
