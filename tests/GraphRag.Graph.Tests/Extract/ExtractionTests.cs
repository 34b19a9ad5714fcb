using GraphRag.Graph.Extract;
using GraphRag.Graph.Tests.Support;
using GraphRag.Graph.Model;
using GraphRag.Text;

namespace GraphRag.Graph.Tests.Extract;

public sealed class ExtractionTests
{
    private static ArticleGraph Extract(string text, string? author = null) =>
        English.Extractor().Extract(new ArticleInput(1, text, author, [new ChunkSpan(7, 0, text.Length)]), NoKnownEntities.Instance);

    [Theory]
    [InlineData("We report Normalized Discounted Cumulative Gain (NDCG) here.", "NDCG", "Normalized Discounted Cumulative Gain")]
    [InlineData("They trained Large Language Models (LLMs) on text.", "LLMs", "Large Language Models")]
    [InlineData("Models use Retrieval-Augmented Generation (RAG) today.", "RAG", "Retrieval-Augmented Generation")]
    [InlineData("The CTR (click-through rate) rose.", "CTR", "click-through rate")]
    [InlineData("This article will explore NDCG — Normalized Discounted Cumulative Gain, the rank-aware metric.", "NDCG", "Normalized Discounted Cumulative Gain")]
    public void Acronym_definitions_are_found_with_their_expansion(string sentence, string acronym, string expansion)
    {
        var found = Assert.Single(AcronymFinder.Find(sentence, new TextSpan(0, sentence.Length)));
        Assert.Equal((acronym, expansion), (found.Acronym, found.Expansion));
        Assert.Equal(expansion, sentence.Substring(found.ExpansionSpan.Start, found.ExpansionSpan.Length));
    }

    [Fact]
    public void An_acronym_and_its_expansion_become_one_entity_named_by_the_expansion()
    {
        var graph = Extract("Normalized Discounted Cumulative Gain (NDCG) is a ranking metric. Teams report NDCG weekly.");
        var ndcg = Assert.Single(graph.Entities, e => e.Aliases.Contains("NDCG"));
        Assert.Equal("Normalized Discounted Cumulative Gain", ndcg.Name);
        Assert.Equal(EntityTypes.Metric, ndcg.Type);
        Assert.Equal(3, graph.Mentions.Count(m => m.EntityKey == ndcg.Key));
        Assert.Contains(graph.Relations, r => r.SourceKey == ndcg.Key && r.Type == RelationTypes.IsA && r.TargetKey == "ranking metric");
    }

    [Fact]
    public void Versions_stay_separate_entities_related_by_the_sentence()
    {
        var graph = Extract("GPT-3 outperforms GPT-2 on most benchmarks. GPT-2 was released earlier than GPT-3.");
        Assert.Contains(graph.Entities, e => e.Key == "gpt2");
        Assert.Contains(graph.Entities, e => e.Key == "gpt3");
        var outperforms = Assert.Single(graph.Relations, r => r.Type == RelationTypes.Outperforms);
        Assert.Equal(("gpt3", "gpt2"), (outperforms.SourceKey, outperforms.TargetKey));
        Assert.Equal("GPT-3 outperforms GPT-2 on most benchmarks.", Assert.Single(outperforms.Evidence).Text);
    }

    [Fact]
    public void Passive_introduction_points_from_the_author_of_the_thing()
    {
        var graph = Extract("PageRank was introduced by Larry Page at Stanford.");
        var introduced = Assert.Single(graph.Relations, r => r.Type == RelationTypes.Introduced);
        Assert.Equal(("larry page", "pagerank"), (introduced.SourceKey, introduced.TargetKey));
    }

    [Fact]
    public void Bylines_chrome_and_the_author_do_not_become_entities()
    {
        var text = "Written by Saankhya Mondal\n\nSign up\n\n10 min read\n\nPublished in Towards Data Science\n\n" +
                   "Cristian Leo explains how Spotify uses collaborative filtering. Spotify ranks songs with collaborative filtering.";
        var keys = Extract(text, author: "Cristian Leo").Entities.Select(e => e.Key).ToList();
        Assert.DoesNotContain("saankhya mondal", keys);
        Assert.DoesNotContain("cristian leo", keys);
        Assert.DoesNotContain("towards data science", keys);
        Assert.Contains("spotify", keys);
        Assert.Contains("collaborative filtering", keys);
    }

    [Fact]
    public void Mentions_carry_their_sentence_and_the_chunks_that_contain_them()
    {
        const string text = "Spotify ranks songs. Netflix and Spotify rank films.";
        var graph = English.Extractor().Extract(
            new ArticleInput(1, text, null, [new ChunkSpan(1, 0, 30), new ChunkSpan(2, 21, text.Length)]), NoKnownEntities.Instance);
        var spotify = graph.Mentions.Where(m => m.EntityKey == "spotify").ToList();
        Assert.Equal([(1L, 0, 7, 0, 20), (2L, 33, 40, 21, 52)], spotify.Select(m => (m.ChunkId, m.StartOffset, m.EndOffset, m.SentenceStart, m.SentenceEnd)));
    }

    [Fact]
    public void Names_side_by_side_in_one_sentence_are_not_linked_but_in_two_sentences_they_co_occur_with_both()
    {
        const string once = "Spotify ranks songs. Netflix and Spotify rank films. Quora answers questions.";
        var single = English.Extractor().Extract(new ArticleInput(1, once, null, [new ChunkSpan(1, 0, once.Length)]), NoKnownEntities.Instance);
        Assert.DoesNotContain(single.Relations, r => r.Type == RelationTypes.CoOccurs);

        const string twice = "Netflix and Spotify rank films. Spotify ranks songs. Spotify and Netflix both recommend.";
        var repeated = English.Extractor().Extract(new ArticleInput(1, twice, null, [new ChunkSpan(1, 0, twice.Length)]), NoKnownEntities.Instance);
        var link = Assert.Single(repeated.Relations, r => r.Type == RelationTypes.CoOccurs);
        Assert.Equal(("netflix", "spotify"), (link.SourceKey, link.TargetKey));
        Assert.Equal([0, 53], link.Evidence.Select(e => e.StartOffset));
    }

    [Fact]
    public void Each_mention_goes_to_every_chunk_containing_it_or_else_the_one_overlapping_it_most()
    {
        var text = string.Join(' ', Enumerable.Range(0, 60).Select(i =>
            i % 2 == 0 ? $"Spotify and Netflix rank item {i}." : $"Collaborative filtering at Netflix uses matrix factorization {i}."));
        // Chunks every 37 characters overlapping by 11: boundaries fall inside words, so some mentions straddle two chunks.
        var chunks = new List<ChunkSpan>();
        for (var start = 0; start < text.Length; start += 26)
            chunks.Add(new ChunkSpan(chunks.Count + 100, start, Math.Min(text.Length, start + 37)));

        var graph = English.Extractor().Extract(new ArticleInput(1, text, null, chunks), NoKnownEntities.Instance);

        Assert.NotEmpty(graph.Mentions);
        foreach (var byMention in graph.Mentions.GroupBy(m => (m.StartOffset, m.EndOffset)))
        {
            var (start, end) = byMention.Key;
            // The definition, checked against every chunk.
            var containing = chunks.Where(c => c.Start <= start && end <= c.End).Select(c => c.Id).ToList();
            var expected = containing.Count > 0 ? containing
                : chunks.Where(c => c.Start < end && start < c.End).OrderByDescending(c => Math.Min(c.End, end) - Math.Max(c.Start, start)).Take(1).Select(c => c.Id).ToList();
            Assert.Equal(expected, byMention.Select(m => m.ChunkId).Distinct().Order());
        }
        Assert.Contains(graph.Mentions, m => !chunks.Any(c => c.Start <= m.StartOffset && m.EndOffset <= c.End));
    }

    [Fact]
    public void Chunks_out_of_text_order_are_refused()
    {
        const string text = "Spotify ranks songs. Netflix and Spotify rank films.";
        var error = Assert.Throws<ArgumentException>(() => English.Extractor().Extract(
            new ArticleInput(1, text, null, [new ChunkSpan(1, 21, text.Length), new ChunkSpan(2, 0, 30)]), NoKnownEntities.Instance));
        Assert.Equal("Chunk 2 starts or ends before the chunk listed ahead of it: give an article's chunks in text order.", error.Message);
    }

    [Fact]
    public void C_value_discounts_a_term_by_the_longer_terms_containing_it()
    {
        // "neural network" (f = 3) is nested in "deep neural network" (f = 2): C = log2(2)·(3 − 2) = 1.
        Assert.Equal(1.0, TermFinder.CValue("neural network", 3, [2]), 12);
        Assert.Equal(2 * Math.Log2(3), TermFinder.CValue("deep neural network", 2, null), 12);
    }
}
