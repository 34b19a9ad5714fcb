using GraphRag.Graph.Extract;
using GraphRag.Graph.Model;
using GraphRag.Graph.Store;
using GraphRag.Ingest.Reading;
using GraphRag.Tests;

namespace GraphRag.Graph.Tests.Support;

/// <summary>
/// The notes in corpus/ read as ingestion reads them and extracted article by article in file
/// order, each article seeing the entities the ones before it named (as <see cref="Ingest.GraphIndexer"/>
/// does within a batch). Built once: the gold evaluation and the community tests share it.
/// </summary>
public sealed class GoldCorpus
{
    private static readonly Lazy<GoldCorpus> Offline = new(() => new GoldCorpus(English.Extractor(), null));
    private static readonly Lazy<GoldCorpus> Encoded = new(() => new GoldCorpus(English.Extractor(), new EncoderEntityRefiner(Encoder.UseLite)));

    /// <summary>The offline extractor alone.</summary>
    public static GoldCorpus Instance => Offline.Value;

    /// <summary>With the sentence encoder typing and resolving entities (USE lite, the encoder registered today).</summary>
    public static GoldCorpus WithEncoder => Encoded.Value;

    public GoldCorpus(ArticleGraphExtractor extractor, EncoderEntityRefiner? refiner)
    {
        var reader = new ArticleReader();
        var known = new BatchKnownEntities(NoKnownEntities.Instance);
        var articles = new List<(string Title, string Text, ArticleGraph Graph)>();
        foreach (var file in Directory.GetFiles(TestPaths.Repo("corpus")).Order(StringComparer.Ordinal))
        {
            foreach (var article in reader.Read(file).Articles)
            {
                var graph = extractor.Extract(new ArticleInput(articles.Count, article.Text, article.Author, [new ChunkSpan(articles.Count, 0, article.Text.Length)]), known);
                if (refiner is not null)
                    graph = refiner.RefineAsync(graph, known, CancellationToken.None).GetAwaiter().GetResult();
                known.Add(graph);
                articles.Add((article.Title, article.Text, graph));
            }
        }
        Articles = articles;
        Entities = EntitySalience.Entities(articles.Select(a => a.Graph));
        Known = known;
        Extractor = extractor;
        Refiner = refiner;
    }

    /// <summary>Each article's title, cleaned text and graph (chunk id = the article's index, one chunk per article).</summary>
    public IReadOnlyList<(string Title, string Text, ArticleGraph Graph)> Articles { get; }

    public IKnownEntities Known { get; }

    /// <summary>The keys that are entities across the notes (<see cref="EntitySalience"/>).</summary>
    public HashSet<string> Entities { get; }

    public ArticleGraphExtractor Extractor { get; }

    public EncoderEntityRefiner? Refiner { get; }

    /// <summary>
    /// What the graph holds for a gold passage: the entities mentioned inside it and the relations
    /// with a supporting sentence inside it, from its article's extraction; a passage that is not a
    /// contiguous part of its article (the three older gold passages were stitched from several
    /// parts) is extracted on its own, with what the corpus knows.
    /// </summary>
    public (IReadOnlyList<GraphEntity> Entities, IReadOnlyList<GraphRelation> Relations) For(string articleTitle, string passage)
    {
        var (entities, relations) = Trace(articleTitle, passage);
        return Salient(entities, relations);
    }

    /// <summary>Every candidate of the passage, tentative ones included (for tracing extraction while developing it).</summary>
    public (IReadOnlyList<GraphEntity> Entities, IReadOnlyList<GraphRelation> Relations) Trace(string articleTitle, string passage)
    {
        var article = Articles.Single(a => a.Title == articleTitle);
        var start = article.Text.IndexOf(passage, StringComparison.Ordinal);
        if (start < 0)
        {
            var alone = Extractor.Extract(new ArticleInput(0, passage, null, [new ChunkSpan(0, 0, passage.Length)]), Known);
            if (Refiner is not null)
                alone = Refiner.RefineAsync(alone, Known, CancellationToken.None).GetAwaiter().GetResult();
            return (alone.Entities, alone.Relations);
        }
        var end = start + passage.Length;
        var inside = article.Graph.Mentions.Where(m => m.StartOffset >= start && m.EndOffset <= end).Select(m => m.EntityKey).ToHashSet(StringComparer.Ordinal);
        var relations = article.Graph.Relations
            .Select(r => r with { Evidence = r.Evidence.Where(e => e.StartOffset >= start && e.EndOffset <= end).ToList() })
            .Where(r => r.Evidence.Count > 0)
            .ToList();
        return (article.Graph.Entities.Where(e => inside.Contains(e.Key)).ToList(), relations);
    }

    /// <summary>Entities as the graph shows them (a tentative candidate only when the notes confirm it), and the relations between them.</summary>
    private (IReadOnlyList<GraphEntity>, IReadOnlyList<GraphRelation>) Salient(IReadOnlyList<GraphEntity> entities, IReadOnlyList<GraphRelation> relations)
    {
        var shown = entities.Where(e => !e.Tentative || Entities.Contains(e.Key)).ToList();
        var keys = shown.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        return (shown, relations.Where(r => keys.Contains(r.SourceKey) && keys.Contains(r.TargetKey)).ToList());
    }
}
