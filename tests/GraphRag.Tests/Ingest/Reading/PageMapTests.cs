using GraphRag.Ingest.Chunking;
using GraphRag.Ingest.Reading;

namespace GraphRag.Tests.Ingest.Reading;

/// <summary>Offsets to pages. The map below: page 1 at 0, page 2 at 100, page 3 empty, page 4 at 250.</summary>
public sealed class PageMapTests
{
    private static readonly PageMap Map = new([(1, 0), (2, 100), (4, 250)]);

    [Theory]
    [InlineData(0, 1)]
    [InlineData(99, 1)]
    [InlineData(100, 2)]
    [InlineData(249, 2)]
    [InlineData(250, 4)]
    [InlineData(10_000, 4)]
    public void Offset_falls_on_the_last_page_starting_at_or_before_it(int offset, int page) => Assert.Equal(page, Map.PageAt(offset));

    [Fact]
    public void A_page_that_starts_where_the_next_one_does_holds_nothing()
    {
        var map = new PageMap([(1, 0), (2, 40), (3, 40)]);
        Assert.Equal(3, map.PageAt(40));
    }

    [Theory]
    [InlineData(10, 90, "p. 1")]
    [InlineData(10, 100, "p. 1")]
    [InlineData(10, 101, "pp. 1–2")]
    [InlineData(120, 300, "pp. 2–4")]
    public void Label_names_the_first_and_last_page_of_a_passage(int start, int end, string label) =>
        Assert.Equal(label, Map.Label(start, end));

    [Fact]
    public void Chunk_label_is_the_last_step_of_its_heading_path()
    {
        Assert.Equal("Methods > Sampling > pp. 2–4", Map.Label(new ChunkSpan(0, "Methods > Sampling", 120, 300, 30)).HeadingPath);
        Assert.Equal("p. 1", Map.Label(new ChunkSpan(0, "", 0, 20, 5)).HeadingPath);
    }

    [Fact]
    public void Pages_out_of_order_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new PageMap([(2, 0), (1, 10)]));
        Assert.Throws<ArgumentException>(() => new PageMap([(1, 10), (2, 5)]));
        Assert.Throws<ArgumentException>(() => new PageMap([]));
    }
}
