using System.Text.RegularExpressions;

namespace GraphRag.Ingest.Reading;

/// <summary>
/// Gathers one file's drafts into articles: tidies title and text, drops repeats, and gives each
/// article its key: the title, with " #2", " #3" for later articles of the same title in the file.
/// A repeat is an article under the same title whose words are (nearly) the same as an earlier one's:
/// clippers' second copies lose a tag here and there, so exact equality would let them through.
/// </summary>
public sealed partial class ArticleCollector(string fallbackTitle)
{
    /// <summary>Word-set overlap (Jaccard) at which two same-titled articles count as one.</summary>
    private const double RepeatOverlap = 0.9;

    private readonly List<Article> _articles = [];
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    /// <summary>Texts kept so far per title, with their word sets computed only when a second article
    /// of that title needs comparing (most titles occur once).</summary>
    private readonly Dictionary<string, List<(string Text, Lazy<HashSet<string>> Words)>> _byTitle = new(StringComparer.Ordinal);

    public IReadOnlyList<Article> Articles => _articles;

    public int DuplicatesDropped { get; private set; }

    public long CharactersKept => _articles.Sum(a => (long)a.Text.Length);

    public void Add(ArticleDraft draft)
    {
        var title = TextLayout.OneLine(draft.Title ?? "");
        if (title.Length == 0)
            title = fallbackTitle;
        var text = TextLayout.Tidy(draft.Text);
        if (draft.Pages is not null && text != draft.Text)
            throw new InvalidOperationException("a draft with page offsets must hold tidy text");
        // A saved link with no body still names its subject; its title is its text so search can find it.
        if (text.Length == 0)
            text = title;

        if (!_byTitle.TryGetValue(title, out var earlier))
            _byTitle[title] = earlier = [];
        var words = new Lazy<HashSet<string>>(() => Words(text));
        if (earlier.Any(other => other.Text == text || Overlap(words.Value, other.Words.Value) >= RepeatOverlap))
        {
            DuplicatesDropped++;
            return;
        }
        earlier.Add((text, words));
        _articles.Add(new Article(UniqueKey(title, earlier.Count), title, text, Blank(draft.Source), Blank(draft.Author), Blank(draft.Published), draft.Pages));
    }

    /// <summary>"Title", then "Title #2", …; a title that itself reads "Note #2" cannot take a key already given.</summary>
    private string UniqueKey(string title, int occurrence)
    {
        var key = occurrence == 1 ? title : $"{title} #{occurrence}";
        for (var n = occurrence + 1; !_keys.Add(key); n++)
            key = $"{title} #{n}";
        return key;
    }

    private static HashSet<string> Words(string text) =>
        WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    private static double Overlap(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 && b.Count == 0)
            return 1;
        var shared = a.Count(b.Contains);
        return shared / (double)(a.Count + b.Count - shared);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : TextLayout.OneLine(value);

    [GeneratedRegex(@"\w+")]
    private static partial Regex WordPattern();
}
