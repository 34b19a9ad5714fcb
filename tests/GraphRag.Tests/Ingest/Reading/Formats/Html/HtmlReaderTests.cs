using GraphRag.Ingest.Reading;

namespace GraphRag.Tests.Ingest.Reading.Formats.Html;

/// <summary>HTML pages read through <see cref="ArticleReader"/>: what is kept, what goes, and how it is laid out.</summary>
public sealed class HtmlReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ArticleReader _reader = new();

    public void Dispose() => _dir.Dispose();

    private GraphRag.Ingest.Article Read(string html)
    {
        var path = _dir.File("page.html");
        File.WriteAllText(path, html);
        return Assert.Single(_reader.Read(path).Articles);
    }

    [Fact]
    public void Byline_and_comment_section_in_plain_markup_are_removed()
    {
        // The page from issue 18: no class names, no semantic tags, only what the words say.
        var article = Read("""
            <html><head><title>Why graphs beat tables</title></head><body>
            <h1>Why graphs beat tables</h1>
            <p>By Jane Doe · 6 min read · 1.2K claps</p>
            <p>Tables store rows. Graphs store the relations between things, which is what most questions are about.</p>
            <p>A join in a table is a hop in a graph, and hops are cheap.</p>
            <h2>Comments (42)</h2>
            <p>Great article, thanks! — Bob</p>
            <p>Could you compare this with a document store? — Alice</p>
            </body></html>
            """);
        Assert.Equal("Why graphs beat tables", article.Title);
        Assert.Equal(
            "Tables store rows. Graphs store the relations between things, which is what most questions are about.\n\n"
            + "A join in a table is a hop in a graph, and hops are cheap.", article.Text);
    }

    [Fact]
    public void Chrome_named_by_class_or_tag_is_removed_and_the_article_kept()
    {
        var article = Read("""
            <!DOCTYPE html><html><head><title>Edges first | Graph Notes</title></head><body>
            <div id="cookie-banner"><p>We use cookies to improve your experience.</p><button>Accept all</button></div>
            <header><a href="/">Graph Notes</a><nav><a href="/posts">Posts</a><a href="/about">About</a></nav></header>
            <article class="post tag-graphs">
              <h1>Edges first</h1>
              <div class="byline">Written by <a href="/u/sam">Sam Okoro</a> on 3 May 2024</div>
              <div class="share-bar"><a href="https://x.com/share">X</a><a href="https://facebook.com/share">Facebook</a></div>
              <p>Model the relations before the entities. The entities fall out of the questions the edges answer.</p>
              <div class="newsletter"><p>Get one essay a week.</p><form><input type="email"><button>Subscribe</button></form></div>
              <p>Then name each edge with a verb, so that a path reads as a sentence.</p>
              <ul class="related"><li><a href="/a">Nodes are nouns</a></li><li><a href="/b">Paths are sentences</a></li></ul>
            </article>
            <section id="comments"><h2>3 comments</h2><p>Nice one. — Lee</p></section>
            <footer>© 2024 Graph Notes · <a href="/privacy">Privacy</a></footer>
            </body></html>
            """);
        Assert.Equal("Edges first", article.Title);
        Assert.Equal(
            "Model the relations before the entities. The entities fall out of the questions the edges answer.\n\n"
            + "Then name each edge with a verb, so that a path reads as a sentence.", article.Text);
    }

    [Fact]
    public void Headings_lists_tables_and_code_keep_their_layout()
    {
        var article = Read("""
            <html><head><title>Retries</title></head><body><main>
            <h1>Retries<a class="hash-link" href="#retries">¶</a></h1>
            <p>Retry failed calls with backoff.</p>
            <h2 class="anchor anchorWithStickyNavbar_x1">Which calls<a href="#which">​</a></h2>
            <ol start="3"><li>Timeouts</li><li>Server errors<ul><li>500</li><li>503</li></ul></li></ol>
            <table><thead><tr><th>Status</th><th>Retried</th></tr></thead><tbody><tr><td>429</td><td>Yes, after <code>Retry-After</code></td></tr></tbody></table>
            <div class="code"><div class="toolbar"><span>Python</span><button>Copy</button></div><pre><code>client = Client(
                retries=5)</code></pre></div>
            <blockquote><p>Retries multiply load.</p></blockquote>
            <p>Line one<br>line two</p>
            </main></body></html>
            """);
        Assert.Equal("Retries", article.Title);
        Assert.Equal("""
            Retry failed calls with backoff.

            ## Which calls

            3. Timeouts
            4. Server errors
               - 500
               - 503

            Status | Retried
            429 | Yes, after Retry-After

            client = Client(
                retries=5)

            > Retries multiply load.

            Line one
            line two
            """, article.Text);
    }

    [Fact]
    public void Title_is_the_heading_the_page_is_named_after_not_the_site_name()
    {
        var article = Read("""
            <html><head><title>Tinkering Shed: A word clock</title><meta property="og:title" content="A word clock"></head><body>
            <h1 class="site-title">Tinkering Shed</h1>
            <div class="post"><h3>A word clock</h3><p>Twelve words light up to tell the time in five-minute steps.</p></div>
            </body></html>
            """);
        Assert.Equal("A word clock", article.Title);
        Assert.Equal("Twelve words light up to tell the time in five-minute steps.", article.Text);
    }

    [Fact]
    public void Text_after_the_article_body_is_not_part_of_the_article()
    {
        // The appeal below the story is prose, with no class that names it; it is outside the story's body,
        // the element that holds most (here 80%) of the page's prose.
        var article = Read("""
            <html><head><title>Night heat</title></head><body><div class="layout">
            <h1>Night heat</h1>
            <p class="standfirst">Warm nights matter more than hot days.</p>
            <div class="story">
            <p>Nights in cities are warming faster than days, and the body recovers at night.</p>
            <p>Each extra night above 20C raised hospital admissions among people over 75.</p>
            <p>Trees and reflective roofs help, but they take years to have an effect.</p>
            <p>The gap between city centres and the countryside reached seven degrees on still summer nights.</p>
            <p>Concrete, roads and pavements absorb heat during the day and give it back slowly after sunset.</p>
            <p>Cities are starting to base heat warnings on night-time temperatures too.</p>
            </div>
            <div class="appeal"><h2>You have read 5 articles this year</h2><p>We rely on readers to fund our reporting.</p></div>
            </div></body></html>
            """);
        Assert.StartsWith("Warm nights matter more than hot days.\n\nNights in cities", article.Text);
        Assert.EndsWith("night-time temperatures too.", article.Text);
    }

    [Fact]
    public void Page_wrapped_in_one_form_keeps_its_article()
    {
        // ASP.NET Web Forms pages put everything inside <form id="aspnetForm">.
        var article = Read("""
            <html><head><title>Quarterly report</title></head><body><form id="aspnetForm" method="post">
            <div class="menu"><a href="/">Home</a> <a href="/reports">Reports</a></div>
            <h1>Quarterly report</h1>
            <p>Revenue rose by four percent while costs stayed flat, mostly thanks to the new pricing.</p>
            <p>Next quarter we expect the same trend, with a small dip in August.</p>
            <input type="hidden" name="__VIEWSTATE" value="abc">
            </form></body></html>
            """);
        Assert.Equal("Quarterly report", article.Title);
        Assert.Equal(
            "Revenue rose by four percent while costs stayed flat, mostly thanks to the new pricing.\n\n"
            + "Next quarter we expect the same trend, with a small dip in August.", article.Text);
    }
}
