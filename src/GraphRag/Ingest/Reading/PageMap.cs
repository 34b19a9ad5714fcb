using GraphRag.Ingest.Chunking;

namespace GraphRag.Ingest.Reading;

/// <summary>
/// Where each printed page of a paginated source (a PDF) begins in an article's cleaned text, so that
/// a passage cut by offsets can say which pages it came from. Page numbers are the document's page
/// indices (1 = first page), not the numbers printed in its footers, which are removed as furniture.
/// </summary>
public sealed class PageMap
{
    private readonly int[] _pages;
    private readonly int[] _starts;

    /// <param name="starts">(page, offset of its first character), in text order; pages with no text are absent.</param>
    public PageMap(IReadOnlyList<(int Page, int Start)> starts)
    {
        if (starts.Count == 0)
            throw new ArgumentException("A page map needs at least one page.", nameof(starts));
        for (var i = 1; i < starts.Count; i++)
            if (starts[i].Start < starts[i - 1].Start || starts[i].Page <= starts[i - 1].Page)
                throw new ArgumentException("Pages must come in order, each starting at or after the one before.", nameof(starts));
        _pages = starts.Select(s => s.Page).ToArray();
        _starts = starts.Select(s => s.Start).ToArray();
    }

    /// <summary>The page holding the character at <paramref name="offset"/>.</summary>
    public int PageAt(int offset)
    {
        var index = Array.BinarySearch(_starts, offset);
        // An exact hit may be one of several pages starting at the same offset (empty pages between): take the last.
        if (index >= 0)
            while (index + 1 < _starts.Length && _starts[index + 1] == offset)
                index++;
        else
            index = Math.Max(0, ~index - 1);
        return _pages[index];
    }

    /// <summary>"p. 4" for a passage on one page, "pp. 4–5" for one that runs onto later pages.</summary>
    public string Label(int start, int end)
    {
        var first = PageAt(start);
        var last = PageAt(Math.Max(start, end - 1));
        return first == last ? $"p. {first}" : $"pp. {first}–{last}";
    }

    /// <summary>The chunk with its pages as the last step of its heading path ("Methods > p. 4"),
    /// which is what search results and citations show.</summary>
    public ChunkSpan Label(ChunkSpan chunk)
    {
        var pages = Label(chunk.Start, chunk.End);
        return chunk with { HeadingPath = chunk.HeadingPath.Length == 0 ? pages : $"{chunk.HeadingPath} > {pages}" };
    }

    /// <summary>"1@0,2@1375,…": stable text for content hashes, so a re-paginated file re-indexes.</summary>
    public override string ToString() => string.Join(',', _pages.Zip(_starts, (p, s) => $"{p}@{s}"));
}
