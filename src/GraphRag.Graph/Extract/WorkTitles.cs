using System.Text.RegularExpressions;
using GraphRag.Text;

namespace GraphRag.Graph.Extract;

/// <summary>
/// Lines of a reading list or bibliography, each the title of a work in title case, perhaps followed
/// by its authors ("Differential and Integral Calculus by Richard Courant", "Elements of Statistical
/// Learning"). The whole title is one name: read word by word, its first word looks ordinary at the
/// line start and its lower-case function words break the run, leaving fragments such as "Integral
/// Calculus" or "Statistical Learning".
/// </summary>
/// <remarks>
/// A title-case line is a work's title when its authors follow it, when a line beside it is such a
/// title with authors (the list it belongs to), or when it is long and reads like a title on its own
/// (five words or more, two of them lower-case function words). A short title-case line alone ("Bag of
/// Words", "Mean Squared Error") may as well be the name of a concept, and is left to the name finder.
/// </remarks>
public static partial class WorkTitles
{
    private const int MinStandaloneWords = 5;
    private const int MinStandaloneFunctionWords = 2;

    /// <summary>The spans of the titles (without bullet, authors or final full stop) of the lines that are works.</summary>
    public static List<TextSpan> Find(string text, NonProse nonProse)
    {
        var lines = nonProse.Lines.Select(l => ReadLine(text, l.Start, l.End, nonProse)).ToList();
        var titles = new List<TextSpan>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] is not { } line)
                continue;
            var inListOfWorks = line.HasAuthors || Neighbours(lines, i).Any(n => n is { HasAuthors: true });
            var readsAsTitle = line.Words >= MinStandaloneWords && line.FunctionWords >= MinStandaloneFunctionWords;
            if (line.Words >= 2 && (inListOfWorks || readsAsTitle))
                titles.Add(line.Title);
        }
        return titles;
    }

    /// <summary>The lines right above and below.</summary>
    private static IEnumerable<ListLine?> Neighbours(List<ListLine?> lines, int index)
    {
        if (index > 0)
            yield return lines[index - 1];
        if (index + 1 < lines.Count)
            yield return lines[index + 1];
    }

    /// <param name="Title">The title's span, without bullet, authors or final full stop.</param>
    /// <param name="FunctionWords">How many of its words are lower-case function words.</param>
    private readonly record struct ListLine(TextSpan Title, int Words, int FunctionWords, bool HasAuthors);

    private static ListLine? ReadLine(string text, int start, int end, NonProse nonProse)
    {
        var line = text[start..end];
        var match = TitleLine().Match(line);
        if (!match.Success)
            return null;
        var title = match.Groups["title"];
        var span = new TextSpan(start + title.Index, start + title.Index + title.Length);
        if (nonProse.Excludes(span))
            return null;
        var words = title.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new ListLine(span, words.Length, words.Count(w => char.IsLower(w[0])), match.Groups["authors"].Success);
    }

    // A bullet or number, then title-case words (lower-case only for function words, never last), then perhaps
    // "by" and one to four authors of one to three capitalised words each, then perhaps a full stop.
    [GeneratedRegex("""
        ^\s*(?:[-*•]\s+|\d{1,2}[.)]\s+)?
        (?<title>\p{Lu}[\p{L}\p{N}'’-]*(?:(?:\s(?:of|and|with|the|a|an|in|on|for|to|is|are|at|from|into|or|as|vs))*\s\p{Lu}[\p{L}\p{N}'’-]*)*)
        (?:\s+by\s+(?<authors>\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*){0,2}(?:(?:,\s|,?\s(?:and|&)\s)\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*){0,2}){0,3}))?
        \.?\s*$
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex TitleLine();
}
