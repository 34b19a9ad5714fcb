using GraphRag.Ingest;
using GraphRag.Ingest.Chunking;
using GraphRag.Store;

namespace GraphRag.Evaluation.Beir;

/// <summary>
/// Writes a BEIR corpus into a GraphRag database, one article per passage (key = passage id,
/// text verbatim: BEIR passages are already clean), chunked and indexed like ingested notes so every
/// retrieval mode sees the same data. Returns article id → passage id.
/// </summary>
/// <remarks>
/// The ingestion pipeline reads files; BEIR passages are not files, so this writes through the
/// store API in one transaction, then runs the same indexers and finalizers the pipeline runs.
/// </remarks>
public sealed class BeirIngester(
    GraphRagDatabase database,
    ChunkingOptions chunking,
    IEnumerable<IArticleIndexer> indexers,
    IEnumerable<IBatchFinalizer> finalizers)
{
    public const string SourcePrefix = "beir:";

    public async Task<IReadOnlyDictionary<long, string>> IngestAsync(BeirDataset dataset, CancellationToken cancellationToken = default)
    {
        var chunker = new Chunker(chunking);
        var indexerList = indexers.ToList();
        var passageIdByArticle = new Dictionary<long, string>();
        var source = SourcePrefix + dataset.Name;
        var started = DateTime.UtcNow;
        var chunkCount = 0;
        using (var connection = database.Open())
        using (var transaction = connection.BeginTransaction())
        {
            foreach (var passage in dataset.Corpus)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var article = new Article(passage.Id, string.IsNullOrWhiteSpace(passage.Title) ? passage.Id : passage.Title, passage.Text);
                var hash = ContentHash.Of(article.Title, article.Text);
                var id = ArticleStore.InsertArticle(connection, transaction, source, article, hash);
                var chunks = ArticleStore.InsertChunks(connection, transaction, id, article.Title, article.Text, chunker.Split(article.Text));
                chunkCount += chunks.Count;
                var stored = new StoredArticle(id, source, article.Key, article.Title, null, null, null, article.Text, hash);
                foreach (var indexer in indexerList)
                    await indexer.IndexAsync(new ArticleIndexingContext(stored, chunks, connection, transaction), cancellationToken);
                passageIdByArticle[id] = passage.Id;
            }
            transaction.Commit();
        }
        var outcome = new FileOutcome(source, FileStatus.Ingested, null, dataset.Corpus.Count, 0, 0, 0, chunkCount);
        var summary = new IngestionSummary([outcome], DateTime.UtcNow - started);
        foreach (var finalizer in finalizers)
            await finalizer.FinalizeAsync(summary, null, cancellationToken);
        return passageIdByArticle;
    }
}
