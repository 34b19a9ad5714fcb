namespace GraphRag.Ingest.Reading;

/// <summary>
/// Gathers one file's drafts into articles: tidies title and text, drops exact repeats (same title
/// and text), and gives each article its key: the title, with " #2", " #3" for later articles of the
/// same title in the file.
/// </summary>
public sealed class ArticleCollector(string fallbackTitle)
{
    private readonly List<Article> _articles = [];
    private readonly HashSet<(string Title, string Text)> _seen = [];
    private readonly Dictionary<string, int> _titleCounts = new(StringComparer.Ordinal);

    public IReadOnlyList<Article> Articles => _articles;

    public int DuplicatesDropped { get; private set; }

    public long CharactersKept => _articles.Sum(a => (long)a.Text.Length);

    public void Add(ArticleDraft draft)
    {
        var title = TextLayout.OneLine(draft.Title ?? "");
        if (title.Length == 0)
            title = fallbackTitle;
        var text = TextLayout.Tidy(draft.Text);
        // A saved link with no body still names its subject; its title is its text so search can find it.
        if (text.Length == 0)
            text = title;
        if (!_seen.Add((title, text)))
        {
            DuplicatesDropped++;
            return;
        }
        var count = _titleCounts[title] = _titleCounts.GetValueOrDefault(title) + 1;
        var key = count == 1 ? title : $"{title} #{count}";
        _articles.Add(new Article(key, title, text, Blank(draft.Source), Blank(draft.Author), Blank(draft.Published)));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : TextLayout.OneLine(value);
}
