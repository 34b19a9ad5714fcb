using GraphRag.Graph.Extract;
using GraphRag.Graph.Extract.Llm;
using GraphRag.Graph.Model;
using GraphRag.Graph.Store;
using GraphRag.Ingest;
using GraphRag.Store;

namespace GraphRag.Graph.Ingest;

/// <summary>
/// Extracts each ingested article's entities and relations before the write transaction (resolving
/// names against the entities the graph already holds), then writes them to the SQLite graph tables
/// inside it (with what a language model adds, when one is configured for extraction); a store that mirrors the graph elsewhere (Neo4j) queues the article in the same
/// transaction for the batch finalizer to send.
/// </summary>
public sealed class GraphIndexer(
    ArticleGraphExtractor extractor, GraphRagDatabase database, IGraphMirror mirror, LlmGraphExtractor? llm = null, EncoderEntityRefiner? refiner = null)
    : IArticleIndexer
{
    /// <summary>Version 2 (issue 15): a new extractor, so every article is extracted again; so does switching the encoder or a language model on or off.</summary>
    public string Name => "graph-2" + (refiner is null ? "" : "+encoder") + (llm is null ? "" : "+" + llm.Source);

    /// <summary>
    /// Extracts the articles in file order; each sees the entities the graph holds and those the
    /// articles before it named, as it would had they been written already.
    /// </summary>
    public async Task<IReadOnlyList<IArticleIndex>> PrepareAsync(IReadOnlyList<ArticleToIndex> articles, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        var known = new BatchKnownEntities(new SqliteKnownEntities(connection));
        var indexes = new List<IArticleIndex>(articles.Count);
        foreach (var article in articles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Chunks are named by ordinal until the write gives them ids (ArticleGraph.Stored).
            var input = new ArticleInput(0, article.Article.Text, article.Article.Author,
                article.Chunks.Select((c, ordinal) => new ChunkSpan(ordinal, c.Start, c.End)).ToList());
            var graph = extractor.Extract(input, known);
            if (llm is not null)
                graph = await llm.ExtendAsync(input, graph, cancellationToken);
            if (refiner is not null)
                graph = await refiner.RefineAsync(graph, known, cancellationToken);
            known.Add(graph);
            indexes.Add(new Extracted(graph, mirror));
        }
        return indexes;
    }

    public void Remove(long articleId, WriteTransaction write)
    {
        SqliteGraphWriter.Replace(ArticleGraph.Removed(articleId), write);
        mirror.Queue(articleId, write);
    }

    private sealed class Extracted(ArticleGraph graph, IGraphMirror mirror) : IArticleIndex
    {
        public void Write(StoredArticle article, IReadOnlyList<StoredChunk> chunks, WriteTransaction write)
        {
            SqliteGraphWriter.Replace(graph.Stored(article.Id, chunks.Select(c => c.Id).ToList()), write);
            mirror.Queue(article.Id, write);
        }
    }
}
