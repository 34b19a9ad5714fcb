using System.Diagnostics;
using Dapper;
using GraphRag.Ingest.Chunking;
using GraphRag.Ingest.Reading;
using GraphRag.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GraphRag.Ingest;

/// <summary>
/// Reads files into articles, chunks them and writes everything in one transaction per file, so a
/// file that fails (bad input, a failing indexer, a killed process) leaves the database exactly as
/// it was, and the next run picks it up again. Unchanged files and articles are skipped by hash.
/// </summary>
public sealed class IngestionPipeline
{
    private readonly GraphRagDatabase _database;
    private readonly ArticleReader _reader;
    private readonly Chunker _chunker;
    private readonly IReadOnlyList<IArticleIndexer> _indexers;
    private readonly IReadOnlyList<IBatchFinalizer> _finalizers;
    private readonly ILogger _logger;
    private readonly string _fingerprint;

    public IngestionPipeline(
        GraphRagDatabase database,
        ArticleReader reader,
        ChunkingOptions chunking,
        IEnumerable<IArticleIndexer>? indexers = null,
        IEnumerable<IBatchFinalizer>? finalizers = null,
        ILogger<IngestionPipeline>? logger = null)
    {
        _database = database;
        _reader = reader;
        _chunker = new Chunker(chunking);
        _indexers = indexers?.ToList() ?? [];
        _finalizers = finalizers?.ToList() ?? [];
        _logger = logger ?? NullLogger<IngestionPipeline>.Instance;
        // Anything that changes what ingestion writes is part of every hash: a new chunk size or a new
        // indexer makes the next run redo the work instead of skipping it.
        _fingerprint = ContentHash.Of(
            $"chunks:{chunking.MaxTokens}/{chunking.OverlapTokens}",
            string.Join(',', _indexers.Select(i => i.Name)));
    }

    /// <summary>Ingests files and folders (expanded by <see cref="SourceFiles.Expand"/>), then prunes when asked.</summary>
    public Task<IngestionSummary> IngestAsync(
        IReadOnlyList<string> paths,
        bool prune = false,
        IProgress<IngestionProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        IngestAsync(SourceFiles.Expand(paths), prune, progress, cancellationToken);

    /// <summary>
    /// Ingests the selected files one by one, each in its own short write transaction; what the
    /// selection skipped is reported as failed with its reason, and the other files go in.
    /// </summary>
    public async Task<IngestionSummary> IngestAsync(
        SourceSelection selection,
        bool prune = false,
        IProgress<IngestionProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var total = selection.Files.Count + selection.Skipped.Count;
        var outcomes = new List<FileOutcome>(total);
        foreach (var skipped in selection.Skipped)
        {
            outcomes.Add(Failure(skipped.Path, skipped.Reason));
            progress?.Report(new IngestionProgress(outcomes.Count, total, outcomes[^1]));
        }
        using var connection = _database.Open();

        foreach (var path in selection.Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var outcome = await IngestFileAsync(connection, path, cancellationToken);
            outcomes.Add(outcome);
            progress?.Report(new IngestionProgress(outcomes.Count, total, outcome));
        }

        if (prune)
            outcomes.AddRange(Prune(connection, cancellationToken));

        var summary = new IngestionSummary(outcomes, clock.Elapsed);
        var warnings = summary.ChangedNothing ? [] : await FinalizeAsync(summary, cancellationToken);
        return summary with { Elapsed = clock.Elapsed, Warnings = warnings };
    }

    /// <summary>
    /// Writes articles that did not come from a file (a benchmark's passages, an API upload already
    /// parsed) under <paramref name="source"/>, in one transaction, like a file's articles: unchanged
    /// ones are skipped, changed ones replaced, ones no longer given removed. The source gets no
    /// source_files row, so <c>--prune</c> never removes it.
    /// </summary>
    public async Task<IngestionSummary> IngestArticlesAsync(
        string source, IReadOnlyList<Article> articles, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        using var connection = _database.Open();
        var report = new ReadReport(source, "articles", articles, 0, articles.Sum(a => (long)a.Text.Length), 0);
        var outcome = await WriteArticlesAsync(connection, source, file: null, report, cancellationToken);
        var summary = new IngestionSummary([outcome], clock.Elapsed);
        var warnings = await FinalizeAsync(summary, cancellationToken);
        return summary with { Elapsed = clock.Elapsed, Warnings = warnings };
    }

    private async Task<IReadOnlyList<string>> FinalizeAsync(IngestionSummary summary, CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        foreach (var finalizer in _finalizers)
        {
            warnings.AddRange(await finalizer.FinalizeAsync(summary, cancellationToken));
        }
        return warnings;
    }

    private async Task<FileOutcome> IngestFileAsync(SqliteConnection connection, string path, CancellationToken cancellationToken)
    {
        ReadReport report;
        SourceFileVersion file;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > ArticleReader.MaxFileBytes)
                throw new IngestionException(path,
                    $"file is {length / (1024.0 * 1024):F1} MB; the limit is {ArticleReader.MaxFileBytes / (1024 * 1024)} MB (split it into smaller files)");
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            file = new SourceFileVersion(ContentHash.Of(ContentHash.Of(bytes), _fingerprint), bytes.Length);
            if (StoredFileHash(connection, path) == file.Hash)
                return new FileOutcome(path, FileStatus.Unchanged, null, 0, 0, 0, 0, 0);
            report = _reader.Read(path, bytes);
        }
        catch (Exception ex) when (ex is IngestionException or IOException or UnauthorizedAccessException)
        {
            _logger.LogInformation("Skipped {Path}: {Reason}", path, ex.Message);
            return Failure(path, ex is IngestionException ie ? ie.Problem : ex.Message);
        }

        try
        {
            return await WriteArticlesAsync(connection, path, file, report, cancellationToken);
        }
        catch (DatabaseBusyException ex)
        {
            // Expected when another process holds a long write: the reason is enough, no stack trace.
            _logger.LogInformation("Skipped {Path}: {Reason}", path, ex.Message);
            return Failure(path, ex.Message) with { Report = report };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogError(ex, "Failed to write {Path}; the database is unchanged for this file", path);
            return Failure(path, ex.Message) with { Report = report };
        }
    }

    private static string? StoredFileHash(SqliteConnection connection, string path) =>
        connection.QuerySingleOrDefault<string>("SELECT content_hash FROM source_files WHERE path = $path", new { path });

    /// <summary>
    /// Prepares every changed article (chunks, then each indexer's slow work) before the write
    /// transaction opens, then writes the file's articles in one short transaction.
    /// </summary>
    /// <param name="file">Recorded in source_files when the articles came from a file; null otherwise.</param>
    private async Task<FileOutcome> WriteArticlesAsync(
        SqliteConnection connection, string path, SourceFileVersion? file, ReadReport report, CancellationToken cancellationToken)
    {
        var duplicateKey = report.Articles.GroupBy(a => a.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicateKey is not null)
            throw new IngestionException(path, $"two articles share the key '{duplicateKey.Key}'");

        var stored = connection.Query<(string Key, string Hash)>(
                "SELECT article_key, content_hash FROM articles WHERE source_path = $path", new { path })
            .ToDictionary(a => a.Key, a => a.Hash);
        var changed = report.Articles.Where(a => stored.GetValueOrDefault(a.Key) != ArticleHash(a)).ToList();
        var prepared = await PrepareAsync(path, changed, cancellationToken);

        using var write = _database.BeginWrite();
        // Re-read inside the transaction: another writer may have changed this file's articles meanwhile.
        var existing = write.ArticlesOf(path).ToDictionary(a => a.ArticleKey);
        int added = 0, updated = 0, unchanged = 0, removed = 0, chunks = 0;
        foreach (var article in report.Articles)
        {
            var hash = ArticleHash(article);
            long id;
            if (existing.Remove(article.Key, out var state))
            {
                if (state.ContentHash == hash)
                {
                    unchanged++;
                    continue;
                }
                RemoveDerived(state.Id, write);
                write.DeleteChunks(state.Id);
                write.UpdateArticle(state.Id, path, article, hash);
                id = state.Id;
                updated++;
            }
            else
            {
                id = write.InsertArticle(path, article, hash);
                added++;
            }
            // Another writer may have changed the article since it was read: prepare it now, inside the transaction.
            var ready = prepared.GetValueOrDefault(article.Key) ?? (await PrepareAsync(path, [article], cancellationToken))[article.Key];
            var chunkRows = write.InsertChunks(id, article.Title, article.Text, ready.Chunks);
            chunks += chunkRows.Count;
            var storedArticle = new StoredArticle(id, path, article.Key, article.Title, article.Source, article.Author,
                article.Published, article.Text, hash);
            foreach (var index in ready.Indexes)
                index.Write(storedArticle, chunkRows, write);
        }
        foreach (var gone in existing.Values)
        {
            RemoveDerived(gone.Id, write);
            write.DeleteArticle(gone.Id);
            removed++;
        }
        if (file is { } read)
            write.RecordFile(path, read.Hash, read.Size);
        write.Commit();
        return new FileOutcome(path, FileStatus.Ingested, report, added, updated, unchanged, removed, chunks);
    }

    /// <summary>An article's content hash; a page map (PDF) is part of it, so a re-paginated file re-labels its chunks.
    /// Articles without one hash as before, so existing databases are not re-indexed.</summary>
    private string ArticleHash(Article article) => article.Pages is null
        ? ContentHash.Of(article.Title, article.Source, article.Author, article.Published, article.Text, _fingerprint)
        : ContentHash.Of(article.Title, article.Source, article.Author, article.Published, article.Text, _fingerprint, article.Pages.ToString());

    /// <summary>The article's chunks; a PDF's end their heading path with the pages they come from.</summary>
    private IReadOnlyList<ChunkSpan> Chunks(Article article)
    {
        var spans = _chunker.Split(article.Text);
        return article.Pages is { } pages ? [.. spans.Select(pages.Label)] : spans;
    }

    /// <summary>Chunks the articles and runs each indexer's slow part over them, in file order.</summary>
    private async Task<Dictionary<string, PreparedArticle>> PrepareAsync(string path, IReadOnlyList<Article> articles, CancellationToken cancellationToken)
    {
        var inputs = articles.Select(a => new ArticleToIndex(path, a, Chunks(a))).ToList();
        var indexes = new List<IReadOnlyList<IArticleIndex>>(_indexers.Count);
        foreach (var indexer in _indexers)
            indexes.Add(await indexer.PrepareAsync(inputs, cancellationToken));
        return inputs
            .Select((input, i) => (input.Article.Key, Prepared: new PreparedArticle(input.Chunks, indexes.Select(x => x[i]).ToList())))
            .ToDictionary(p => p.Key, p => p.Prepared);
    }

    /// <summary>
    /// Removes ingested sources (a file's path, or a named source) with their articles and everything derived
    /// from them, one transaction per source, then runs the finalizers, as a prune of those sources would.
    /// The files themselves are left alone; ingesting them again brings their articles back.
    /// </summary>
    public async Task<IngestionSummary> ForgetAsync(IReadOnlyList<string> sources, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var outcomes = new List<FileOutcome>();
        foreach (var source in sources)
        {
            cancellationToken.ThrowIfCancellationRequested();
            outcomes.Add(Forget(source));
        }
        var summary = new IngestionSummary(outcomes, clock.Elapsed);
        var warnings = await FinalizeAsync(summary, cancellationToken);
        return summary with { Elapsed = clock.Elapsed, Warnings = warnings };
    }

    private IReadOnlyList<FileOutcome> Prune(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var pruned = new List<FileOutcome>();
        var known = connection.Query<string>("SELECT path FROM source_files ORDER BY path").AsList();
        foreach (var path in known.Where(p => !File.Exists(p)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            pruned.Add(Forget(path));
        }
        return pruned;
    }

    private FileOutcome Forget(string source)
    {
        using var write = _database.BeginWrite();
        var articles = write.ArticlesOf(source);
        foreach (var article in articles)
        {
            RemoveDerived(article.Id, write);
            write.DeleteArticle(article.Id);
        }
        write.ForgetFile(source);
        write.Commit();
        return new FileOutcome(source, FileStatus.Pruned, null, 0, 0, 0, articles.Count, 0);
    }

    private void RemoveDerived(long articleId, WriteTransaction write)
    {
        foreach (var indexer in _indexers)
            indexer.Remove(articleId, write);
    }

    private static FileOutcome Failure(string path, string error) =>
        new(path, FileStatus.Failed, null, 0, 0, 0, 0, 0, error);

    /// <summary>The version of a file that was read: its hash (with the ingestion fingerprint) and its size.</summary>
    private readonly record struct SourceFileVersion(string Hash, long Size);

    /// <summary>A changed article, chunked and indexed, ready to be written.</summary>
    private sealed record PreparedArticle(IReadOnlyList<ChunkSpan> Chunks, IReadOnlyList<IArticleIndex> Indexes);
}
