using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace GraphRag.Tests.Ingest.Reading.Formats.Html;

/// <summary>
/// How far a cleaned text is from the expected article text, in characters of words: the expected words
/// and the kept words are aligned by a longest common subsequence weighted by word length, so a word
/// counts as kept article text only where it stands in order. Article lost = expected characters outside
/// the alignment; chrome left = kept characters outside it. Whitespace and the markers the readers add
/// ("##", "-", "|", "&gt;") carry no characters. Curly quotes count as straight ones: the expected texts
/// were typed with straight quotes, the pages print typographic ones.
/// </summary>
public static class ArticleTextComparison
{
    private static readonly HashSet<string> Markers = ["#", "##", "###", "####", "#####", "######", "-", ">", "|", "•", "·"];

    public sealed record Score(string Page, long ArticleCharacters, long ArticleLost, long KeptCharacters, long ChromeLeft, long PageChromeCharacters);

    public static Score Compare(string page, string expected, string kept, string html)
    {
        var article = Words(expected);
        var output = Words(kept);
        var matched = AlignedCharacters(article, output);
        var visible = Words(VisibleText(html));
        var pageChrome = visible.Sum(w => (long)w.Length) - AlignedCharacters(article, visible);
        return new Score(page, article.Sum(w => (long)w.Length), article.Sum(w => (long)w.Length) - matched,
            output.Sum(w => (long)w.Length), output.Sum(w => (long)w.Length) - matched, pageChrome);
    }

    public static string[] Words(string text) =>
        StraightQuotes(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(w => !Markers.Contains(w)).ToArray();

    private static string StraightQuotes(string text) =>
        text.Replace('\u2018', '\'').Replace('\u2019', '\'').Replace('\u201C', '"').Replace('\u201D', '"');

    /// <summary>Characters of the words in a longest common subsequence of the two word lists, weighted by length.</summary>
    private static long AlignedCharacters(string[] a, string[] b)
    {
        var previous = new long[b.Length + 1];
        var current = new long[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
                current[j] = a[i - 1] == b[j - 1]
                    ? previous[j - 1] + a[i - 1].Length
                    : Math.Max(previous[j], current[j - 1]);
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>Every text node a browser would render (scripts, styles and templates aside), one space apart.</summary>
    private static string VisibleText(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var texts = new List<string>();
        if (document.Body is not null)
            Collect(document.Body, texts);
        return string.Join(' ', texts);
    }

    private static void Collect(INode node, List<string> texts)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
                texts.Add(text.Data);
            else if (child is IElement element && element.LocalName is not ("script" or "style" or "noscript" or "template"))
                Collect(element, texts);
        }
    }
}
