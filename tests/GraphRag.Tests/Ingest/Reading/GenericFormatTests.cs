using GraphRag.Ingest.Reading;

namespace GraphRag.Tests.Ingest.Reading;

/// <summary>The readers for files dropped in later: Markdown, HTML and plain text.</summary>
public sealed class GenericFormatTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ArticleReader _reader = new();

    public void Dispose() => _dir.Dispose();

    private GraphRag.Ingest.ReadReport ReadFile(string name, string content)
    {
        var path = _dir.File(name);
        File.WriteAllText(path, content);
        return _reader.Read(path);
    }

    [Fact]
    public void Markdown_document_is_one_article_titled_by_its_first_heading()
    {
        var report = ReadFile("notes.md", """
            # Attention, briefly

            Attention lets each token look at the others. See [the paper](https://arxiv.org/abs/1706.03762).

            ## Scaled dot product

            Scores are **divided** by the square root of the key size.

            - one
            - two
            """);
        Assert.Equal("markdown", report.Format);
        var article = Assert.Single(report.Articles);
        Assert.Equal("Attention, briefly", article.Title);
        Assert.Equal("Attention, briefly", article.Key);
        Assert.Equal(
            "Attention lets each token look at the others. See the paper.\n\n## Scaled dot product\n\nScores are divided by the square root of the key size.\n\n- one\n- two",
            article.Text);
    }

    [Fact]
    public void Markdown_with_several_top_level_headings_is_a_collection()
    {
        var report = ReadFile("collection.md", """
            Saved on a train.

            # First note

            Alpha text.

            # Second note

            Beta text.

            ## Detail

            More beta.
            """);
        Assert.Equal(["collection", "First note", "Second note"], report.Articles.Select(a => a.Title));
        Assert.Equal("Beta text.\n\n## Detail\n\nMore beta.", report.Articles[2].Text);
    }

    [Fact]
    public void Markdown_without_headings_is_titled_by_file_name()
    {
        var article = Assert.Single(ReadFile("loose-thoughts.md", "Just a paragraph.\n").Articles);
        Assert.Equal("loose-thoughts", article.Title);
        Assert.Equal("Just a paragraph.", article.Text);
    }

    [Fact]
    public void Html_page_keeps_content_and_drops_navigation_scripts_and_footer()
    {
        var report = ReadFile("page.html", """
            <!DOCTYPE html>
            <html><head><title>Graphs | Example Blog</title>
            <meta name="author" content="Ada Lovelace">
            <meta property="article:published_time" content="2024-03-05T10:00:00Z">
            <link rel="canonical" href="https://example.org/graphs">
            <style>body { color: red }</style><script>track();</script></head>
            <body><nav><a href="/">Home</a> <a href="/about">About</a></nav>
            <article><h1>Knowledge graphs</h1>
            <p>Nodes are   entities.</p><h2>Edges</h2><p>Edges are relations.</p>
            <ul><li>one</li><li>two</li></ul></article>
            <footer>© 2024 Example. Subscribe now.</footer></body></html>
            """);
        Assert.Equal("html", report.Format);
        var article = Assert.Single(report.Articles);
        Assert.Equal("Knowledge graphs", article.Title);
        // List items are lines of one block, as the Markdown reader writes them.
        Assert.Equal("Nodes are entities.\n\n## Edges\n\nEdges are relations.\n\n- one\n- two", article.Text);
        Assert.Equal("Ada Lovelace", article.Author);
        Assert.Equal("2024-03-05", article.Published);
        Assert.Equal("https://example.org/graphs", article.Source);
        Assert.DoesNotContain("track", article.Text);
        Assert.DoesNotContain("Subscribe", article.Text);
        Assert.DoesNotContain("About", article.Text);
    }

    [Fact]
    public void Plain_text_is_one_article_titled_by_its_first_line()
    {
        var report = ReadFile("plain.txt", "My reading list   \n\nBooks on statistics.   \nAnd more.\n\n\n\nLast line.\n");
        Assert.Equal("text", report.Format);
        var article = Assert.Single(report.Articles);
        Assert.Equal("My reading list", article.Title);
        Assert.Equal("Books on statistics.\nAnd more.\n\nLast line.", article.Text);
    }

    [Fact]
    public void Plain_text_title_loses_a_markdown_heading_marker()
    {
        var article = Assert.Single(ReadFile("heading.txt", "## Reading notes\nOne line.\n").Articles);
        Assert.Equal("Reading notes", article.Title);
        Assert.Equal("One line.", article.Text);
    }

    [Fact]
    public void Exact_repeats_are_dropped_and_same_titles_get_numbered_keys()
    {
        var report = ReadFile("repeats.md", "# Note\n\nSame.\n\n# Note\n\nSame.\n\n# Note\n\nDifferent.\n");
        Assert.Equal(1, report.DuplicatesDropped);
        Assert.Equal(["Note", "Note #2"], report.Articles.Select(a => a.Key));
        Assert.Equal(["Same.", "Different."], report.Articles.Select(a => a.Text));
    }

    [Fact]
    public void Keys_stay_unique_when_a_title_already_reads_like_a_numbered_key()
    {
        var report = ReadFile("tricky.md", "# Note #2\n\nFirst.\n\n# Note\n\nSecond.\n\n# Note\n\nThird.\n");
        Assert.Equal(["Note #2", "Note", "Note #3"], report.Articles.Select(a => a.Key));
    }

    [Fact]
    public void Characters_kept_and_removed_add_up_to_the_decoded_length()
    {
        const string content = "# Title\n\nBody text here.\n";
        var report = ReadFile("count.md", content);
        Assert.Equal("Body text here.".Length, report.CharactersKept);
        Assert.Equal(content.Length - "Body text here.".Length, report.CharactersRemoved);
    }
}
