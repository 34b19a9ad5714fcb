using GraphRag.Store;
using Microsoft.Data.Sqlite;

namespace GraphRag.Ingest;

/// <summary>
/// A step that derives more from an article once its chunks are written (embeddings, graph
/// mentions, …). It runs inside the article's transaction, so a failure leaves nothing behind.
/// Rows keyed by chunk id disappear with the chunks (ON DELETE CASCADE) when an article is
/// replaced or pruned; <see cref="RemoveAsync"/> is for anything derived across articles.
/// </summary>
public interface IArticleIndexer
{
    string Name { get; }

    Task IndexAsync(ArticleIndexingContext context, CancellationToken cancellationToken);

    /// <summary>Called inside the transaction that deletes or replaces the article, before the delete.</summary>
    Task RemoveAsync(long articleId, SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken);
}

/// <param name="Chunks">The article's chunks in order, with their new ids.</param>
public sealed record ArticleIndexingContext(
    StoredArticle Article,
    IReadOnlyList<StoredChunk> Chunks,
    SqliteConnection Connection,
    SqliteTransaction Transaction);
