using GraphRag.Graph.Extract;
using GraphRag.Graph.Store;
using GraphRag.Ingest;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace GraphRag.Graph.Ingest;

/// <summary>
/// Extracts each ingested article's entities and relations and writes them to the SQLite graph
/// tables inside the article's transaction; with the Neo4j store it also queues the article in the
/// outbox (same transaction) for the batch finalizer to apply.
/// </summary>
public sealed class GraphIndexer(ArticleGraphExtractor extractor, IOptions<GraphOptions> options) : IArticleIndexer
{
    public string Name => "graph";

    public Task IndexAsync(ArticleIndexingContext context, CancellationToken cancellationToken)
    {
        var article = context.Article;
        var input = new ArticleInput(article.Id, article.Text, article.Author,
            context.Chunks.Select(c => new ChunkSpan(c.Id, c.StartOffset, c.EndOffset)).ToList());
        var graph = extractor.Extract(input, new SqliteKnownEntities(context.Connection, context.Transaction));
        SqliteGraphWriter.Replace(graph, context.Connection, context.Transaction);
        if (options.Value.UsesNeo4j)
            GraphOutbox.Enqueue(article.Id, context.Connection, context.Transaction);
        return Task.CompletedTask;
    }

    public Task RemoveAsync(long articleId, SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        SqliteGraphWriter.Replace(Model.ArticleGraph.Removed(articleId), connection, transaction);
        if (options.Value.UsesNeo4j)
            GraphOutbox.Enqueue(articleId, connection, transaction);
        return Task.CompletedTask;
    }
}
