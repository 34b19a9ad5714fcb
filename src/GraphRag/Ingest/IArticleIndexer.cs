using GraphRag.Ingest.Chunking;
using GraphRag.Store;

namespace GraphRag.Ingest;

/// <summary>An article about to be written: its cleaned text and its chunks (by ordinal: ids come with the write).</summary>
public sealed record ArticleToIndex(string Source, Article Article, IReadOnlyList<ChunkSpan> Chunks);

/// <summary>
/// A step that derives more from articles (embeddings, graph mentions, …) in two phases: the slow
/// part (<see cref="PrepareAsync"/>: models, extraction) runs for a file's changed articles, in
/// order, before the file's write transaction opens, so another writer never waits on it; each
/// result is written inside the transaction once its article's chunks have ids, so a failure still
/// leaves nothing behind.
/// Rows keyed by chunk id disappear with the chunks (ON DELETE CASCADE) when an article is replaced
/// or pruned; <see cref="Remove"/> is for anything derived across articles.
/// </summary>
public interface IArticleIndexer
{
    /// <summary>Part of the ingestion fingerprint: a new name (another model, say) re-indexes everything.</summary>
    string Name { get; }

    /// <summary>
    /// Derives what to store for each article, in the order given (what an article contributes may
    /// depend on the ones before it in its file, e.g. the entities they named).
    /// </summary>
    /// <returns>One index per article, in the same order.</returns>
    Task<IReadOnlyList<IArticleIndex>> PrepareAsync(IReadOnlyList<ArticleToIndex> articles, CancellationToken cancellationToken);

    /// <summary>Runs inside the transaction that deletes or replaces the article, before the delete.</summary>
    void Remove(long articleId, WriteTransaction write);
}

/// <summary>What an indexer derived from one article, waiting to be written.</summary>
public interface IArticleIndex
{
    /// <param name="chunks">The article's chunks in ordinal order, with their new ids.</param>
    void Write(StoredArticle article, IReadOnlyList<StoredChunk> chunks, WriteTransaction write);
}
