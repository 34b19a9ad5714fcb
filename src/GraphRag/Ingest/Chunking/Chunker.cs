using System.Text.RegularExpressions;
using GraphRag.Text;

namespace GraphRag.Ingest.Chunking;

/// <summary>
/// Cuts an article into passages that follow its structure: a chunk never crosses a heading,
/// prefers paragraph and sentence boundaries, holds at most <see cref="ChunkingOptions.MaxTokens"/>
/// tokens, and repeats up to <see cref="ChunkingOptions.OverlapTokens"/> tokens of whole sentences
/// from the chunk before it, so a fact cut at a boundary is still found whole in one chunk.
/// </summary>
public sealed partial class Chunker
{
    private readonly ChunkingOptions _options;

    public Chunker(ChunkingOptions options)
    {
        if (options.Problems().FirstOrDefault() is { } problem)
            throw new ArgumentException(problem);
        _options = options;
    }

    public IReadOnlyList<ChunkSpan> Split(string text)
    {
        var chunks = new List<ChunkSpan>();
        foreach (var section in Sections(text))
            Pack(text, section, chunks);
        return chunks;
    }

    private readonly record struct Section(string HeadingPath, int Start, int End);

    private readonly record struct Unit(int Start, int End, int Tokens);

    private static IEnumerable<Section> Sections(string text)
    {
        var headings = new List<(int Level, string Title)>();
        var sectionStart = 0;
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var newline = text.IndexOf('\n', lineStart);
            var lineEnd = newline < 0 ? text.Length : newline;
            var heading = Heading().Match(text, lineStart, lineEnd - lineStart);
            if (heading.Success)
            {
                yield return new Section(HeadingPath(headings), sectionStart, lineStart);
                var level = heading.Groups[1].Length;
                headings.RemoveAll(h => h.Level >= level);
                headings.Add((level, heading.Groups[2].Value.Trim()));
                sectionStart = lineEnd;
            }
            if (newline < 0)
                break;
            lineStart = newline + 1;
        }
        yield return new Section(HeadingPath(headings), sectionStart, text.Length);
    }

    private static string HeadingPath(List<(int Level, string Title)> headings) =>
        string.Join(" > ", headings.Select(h => h.Title));

    private void Pack(string text, Section section, List<ChunkSpan> chunks)
    {
        var units = Units(text, section);
        var i = 0;
        while (i < units.Count)
        {
            var tokens = 0;
            var j = i;
            while (j < units.Count && (j == i || tokens + units[j].Tokens <= _options.MaxTokens))
                tokens += units[j++].Tokens;
            chunks.Add(new ChunkSpan(chunks.Count, section.HeadingPath, units[i].Start, units[j - 1].End, tokens));
            if (j == units.Count)
                break;
            // Step back over whole sentences while they fit in the overlap budget, but always advance.
            var next = j;
            var overlap = 0;
            while (next - 1 > i && overlap + units[next - 1].Tokens <= _options.OverlapTokens)
                overlap += units[--next].Tokens;
            i = next;
        }
    }

    /// <summary>Sentences of the section; a sentence longer than a chunk is cut into token windows.</summary>
    private List<Unit> Units(string text, Section section)
    {
        var units = new List<Unit>();
        foreach (var (start, end) in Sentences.Split(text, section.Start, section.End))
        {
            var tokens = Tokens.Count(text.AsSpan(start, end - start));
            if (tokens <= _options.MaxTokens)
            {
                units.Add(new Unit(start, end, tokens));
                continue;
            }
            var spans = Tokens.Spans(text[start..end]);
            for (var w = 0; w < spans.Count; w += _options.MaxTokens)
            {
                var last = Math.Min(w + _options.MaxTokens, spans.Count) - 1;
                units.Add(new Unit(start + spans[w].Start, start + spans[last].End, last - w + 1));
            }
        }
        return units;
    }

    [GeneratedRegex(@"\G[ \t]*(#{1,6})[ \t]+(\S.*?)[ \t#]*$", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
