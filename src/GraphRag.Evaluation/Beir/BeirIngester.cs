using GraphRag.Ingest;
using GraphRag.Store;

namespace GraphRag.Evaluation.Beir;

/// <summary>
/// Writes a BEIR corpus into a GraphRag database through the ingestion pipeline, one article per
/// passage (key = passage id, text verbatim: BEIR passages are already clean), so every retrieval
/// mode sees the data chunked and indexed exactly like ingested notes. Returns article id → passage id.
/// </summary>
public sealed class BeirIngester(IngestionPipeline pipeline, ArticleStore store)
{
    public const string SourcePrefix = "beir:";

    public async Task<IReadOnlyDictionary<long, string>> IngestAsync(BeirDataset dataset, CancellationToken cancellationToken = default)
    {
        var source = SourcePrefix + dataset.Name;
        var articles = dataset.Corpus
            .Select(p => new Article(p.Id, string.IsNullOrWhiteSpace(p.Title) ? p.Id : p.Title, p.Text))
            .ToList();
        await pipeline.IngestArticlesAsync(source, articles, cancellationToken);
        return store.ArticleKeysOf(source);
    }
}
