using GraphRag.Ingest.Reading;

namespace GraphRag.Claims.Tests.Gold;

/// <summary>An article of corpus/ as ingestion reads it, with its paragraphs.</summary>
internal sealed record GoldArticle(string File, string Title, string Text)
{
    public IReadOnlyList<Text.TextSpan> Paragraphs { get; } = GraphRag.Text.Paragraphs.Split(Text);

    public int ParagraphAt(int position) => GraphRag.Text.Paragraphs.IndexAt(Paragraphs, position);
}

/// <summary>corpus/ read with the real <see cref="ArticleReader"/>, in corpus order: files by name, articles in file order.</summary>
internal static class GoldCorpus
{
    private static readonly Lazy<IReadOnlyList<GoldArticle>> Read = new(() =>
    {
        var reader = new ArticleReader();
        return Directory.GetFiles(GraphRag.Tests.TestPaths.Repo("corpus"))
            .Order(StringComparer.Ordinal)
            .SelectMany(path => reader.Read(path).Articles.Select(a => new GoldArticle(System.IO.Path.GetFileName(path), a.Title, a.Text)))
            .ToList();
    });

    public static IReadOnlyList<GoldArticle> Articles => Read.Value;
}
