using GraphRag.Text;
using GraphRag.Ingest.Chunking;

namespace GraphRag.Tests.Ingest.Chunking;

public class ChunkerTests
{
    private static readonly string Article = string.Join("\n\n",
        "Intro sentence one is here. Intro sentence two follows it.",
        "## Metrics",
        string.Join(" ", Enumerable.Range(1, 60).Select(i => $"Metric sentence number {i} talks about NDCG and recall.")),
        "### Ties",
        "Ties are broken by document id. That is how trec_eval does it.",
        "## Empty section",
        "## Indexes",
        "- A list item about B-trees\n- Another list item about covering indexes");

    private static readonly ChunkingOptions Options = new() { MaxTokens = 60, OverlapTokens = 15 };

    [Fact]
    public void Every_chunk_is_the_exact_slice_of_the_article_its_offsets_name()
    {
        foreach (var chunk in new Chunker(Options).Split(Article))
        {
            Assert.InRange(chunk.Start, 0, Article.Length);
            Assert.InRange(chunk.End, chunk.Start + 1, Article.Length);
            Assert.Equal(Tokens.Count(Article.AsSpan(chunk.Start, chunk.End - chunk.Start)), chunk.TokenCount);
        }
    }

    [Fact]
    public void Chunks_stay_within_the_token_budget()
    {
        var chunks = new Chunker(Options).Split(Article);
        Assert.All(chunks, c => Assert.True(c.TokenCount <= Options.MaxTokens, $"chunk {c.Ordinal} has {c.TokenCount} tokens"));
        Assert.True(chunks.Count > 5, "the long section should need several chunks");
    }

    [Fact]
    public void Consecutive_chunks_of_a_section_overlap_by_whole_sentences_within_the_overlap_budget()
    {
        var chunks = new Chunker(Options).Split(Article).Where(c => c.HeadingPath == "Metrics").ToList();
        for (var i = 1; i < chunks.Count; i++)
        {
            var overlap = chunks[i - 1].End - chunks[i].Start;
            Assert.True(overlap > 0, $"chunk {chunks[i].Ordinal} should repeat the end of the one before");
            var repeated = Article[chunks[i].Start..chunks[i - 1].End];
            Assert.True(Tokens.Count(repeated) <= Options.OverlapTokens);
            Assert.StartsWith("Metric sentence number", repeated);
        }
    }

    [Fact]
    public void No_chunk_crosses_a_heading_and_each_carries_its_heading_path()
    {
        var chunks = new Chunker(Options).Split(Article);
        Assert.All(chunks, c => Assert.DoesNotContain("## ", Article[c.Start..c.End]));
        Assert.Equal("", chunks[0].HeadingPath);
        Assert.Contains(chunks, c => c.HeadingPath == "Metrics > Ties" && Article[c.Start..c.End].Contains("trec_eval"));
        Assert.Contains(chunks, c => c.HeadingPath == "Indexes" && Article[c.Start..c.End].Contains("covering indexes"));
        Assert.DoesNotContain(chunks, c => c.HeadingPath == "Empty section");
    }

    [Fact]
    public void Every_sentence_of_the_article_lands_in_some_chunk()
    {
        var chunks = new Chunker(Options).Split(Article);
        foreach (var (start, end) in Sentences.Split(Article).Where(s => !Article[s.Start..s.End].StartsWith('#')))
            Assert.Contains(chunks, c => c.Start <= start && end <= c.End);
    }

    [Fact]
    public void A_sentence_longer_than_a_chunk_is_cut_into_windows()
    {
        var longSentence = string.Join(" ", Enumerable.Repeat("word", 150)) + ".";
        var chunks = new Chunker(Options).Split(longSentence);
        Assert.Equal(3, chunks.Count);
        Assert.All(chunks, c => Assert.True(c.TokenCount <= Options.MaxTokens));
        Assert.Equal(longSentence.Length, chunks[^1].End);
    }

    [Fact]
    public void A_long_sentence_of_characters_beyond_the_basic_plane_is_never_cut_inside_one()
    {
        // Found by the ingest-size benchmark: a chunk ending between the two UTF-16 units of "𝐄" made the
        // encoder's Unicode normalisation throw, and the whole file failed. 63 tokens, three over the budget;
        // the leading "a" puts a cut at an odd UTF-16 offset if each unit were a token.
        var longSentence = "a " + string.Concat(Enumerable.Repeat("𝐄", 61)) + ".";
        var chunks = new Chunker(Options).Split(longSentence);
        Assert.Equal(2, chunks.Count);
        Assert.All(chunks, c =>
        {
            Assert.False(char.IsLowSurrogate(longSentence[c.Start]), $"chunk {c.Ordinal} starts inside a character");
            Assert.False(char.IsHighSurrogate(longSentence[c.End - 1]), $"chunk {c.Ordinal} ends inside a character");
        });
    }

    [Theory]
    [InlineData(8, 0, "MaxTokens")]
    [InlineData(100, 50, "OverlapTokens")]
    [InlineData(100, -1, "OverlapTokens")]
    public void Invalid_options_are_rejected_with_the_setting_to_change(int max, int overlap, string setting)
    {
        var error = Assert.Throws<ArgumentException>(() => new Chunker(new ChunkingOptions { MaxTokens = max, OverlapTokens = overlap }));
        Assert.Contains(setting, error.Message);
    }
}
