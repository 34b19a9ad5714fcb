using Dapper;
using GraphRag.Ingest;
using GraphRag.Ingest.Chunking;
using GraphRag.Ingest.Reading;
using GraphRag.Store;
using GraphRag.Tests.Support;

namespace GraphRag.Tests.Ingest;

public sealed class IngestionPipelineTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly GraphRagDatabase _database;

    public IngestionPipelineTests() => _database = new GraphRagDatabase(_dir.File("notes.db"));

    public void Dispose() => _dir.Dispose();

    private IngestionPipeline Pipeline(params IArticleIndexer[] indexers) =>
        new(_database, new ArticleReader(), new ChunkingOptions(), indexers);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ingesting_the_corpus_stores_every_article_the_reader_finds_and_chunks_that_slice_back_exactly()
    {
        var notes = CorpusFiles.CopyTo(_dir);
        var summary = await Pipeline().IngestAsync([notes], cancellationToken: Ct);

        Assert.Equal(0, summary.Failed);
        Assert.Equal(5, summary.Files.Count);
        var expectedArticles = CorpusFiles.All.Sum(f => new ArticleReader().Read(f).Articles.Count);
        using var connection = _database.Open();
        Assert.Equal(expectedArticles, connection.ExecuteScalar<int>("SELECT count(*) FROM articles"));
        Assert.Equal(summary.ChunksWritten, connection.ExecuteScalar<int>("SELECT count(*) FROM chunks"));
        Assert.Equal(summary.ChunksWritten, connection.ExecuteScalar<int>("SELECT count(*) FROM chunks_fts"));
        // Offsets are UTF-16 code units into the cleaned article text (how .NET and JavaScript index strings;
        // SQLite's substr counts code points, which differ after an emoji).
        var store = new ArticleStore(_database);
        foreach (var article in store.ListArticles())
            Assert.All(store.ChunksOf(article.Id), c => Assert.Equal(c.Text, article.Text[c.StartOffset..c.EndOffset]));
    }

    [Fact]
    public async Task Reingesting_unchanged_files_changes_nothing()
    {
        var notes = CorpusFiles.CopyTo(_dir);
        await Pipeline().IngestAsync([notes], cancellationToken: Ct);
        var before = DatabaseSnapshot.Take(_database);

        var again = await Pipeline().IngestAsync([notes], cancellationToken: Ct);

        Assert.True(again.ChangedNothing);
        Assert.All(again.Files, f => Assert.Equal(FileStatus.Unchanged, f.Status));
        Assert.Equal(before, DatabaseSnapshot.Take(_database));
    }

    [Fact]
    public async Task A_changed_article_replaces_its_chunks_and_leaves_other_files_alone()
    {
        var a = _dir.File("a.md");
        var b = _dir.File("b.md");
        await File.WriteAllTextAsync(a, "# Alpha\n\nThe zebrafish metric was introduced here.\n", Ct);
        await File.WriteAllTextAsync(b, "# Beta\n\nCovering indexes avoid table lookups.\n", Ct);
        await Pipeline().IngestAsync([a, b], cancellationToken: Ct);
        var store = new ArticleStore(_database);
        var betaChunks = store.ChunksOf(store.ListArticles().Single(x => x.Title == "Beta").Id);

        await File.WriteAllTextAsync(a, "# Alpha\n\nThe okapi metric replaced it.\n", Ct);
        var summary = await Pipeline().IngestAsync([a, b], cancellationToken: Ct);

        Assert.Equal(1, summary.ArticlesUpdated);
        Assert.Equal(FileStatus.Unchanged, summary.Files.Single(f => f.Path.EndsWith("b.md")).Status);
        Assert.Equal(betaChunks, store.ChunksOf(store.ListArticles().Single(x => x.Title == "Beta").Id));
        using var connection = _database.Open();
        Assert.Equal(0, connection.ExecuteScalar<int>("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH 'zebrafish'"));
        Assert.Equal(1, connection.ExecuteScalar<int>("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH 'okapi'"));
        Assert.Equal(2, connection.ExecuteScalar<int>("SELECT count(*) FROM articles"));
    }

    [Fact]
    public async Task Prune_removes_the_articles_of_files_that_are_gone_and_only_with_the_flag()
    {
        var notes = CorpusFiles.CopyTo(_dir);
        await Pipeline().IngestAsync([notes], cancellationToken: Ct);
        var victim = Directory.GetFiles(notes).First(f => Path.GetFileName(f).StartsWith("002_"));
        var victimArticles = new ArticleReader().Read(victim).Articles.Count;
        var store = new ArticleStore(_database);
        var before = store.Counts();
        File.Delete(victim);

        var withoutFlag = await Pipeline().IngestAsync([notes], cancellationToken: Ct);
        Assert.Equal(before, store.Counts());
        Assert.True(withoutFlag.ChangedNothing);

        var pruned = await Pipeline().IngestAsync([notes], prune: true, cancellationToken: Ct);
        Assert.Equal(victimArticles, pruned.ArticlesRemoved);
        Assert.Equal(before.Articles - victimArticles, store.Counts().Articles);
        Assert.Equal(before.Files - 1, store.Counts().Files);
        using var connection = _database.Open();
        Assert.Equal(0, connection.ExecuteScalar<int>("SELECT count(*) FROM chunks WHERE article_id NOT IN (SELECT id FROM articles)"));
        Assert.Equal(connection.ExecuteScalar<int>("SELECT count(*) FROM chunks"), connection.ExecuteScalar<int>("SELECT count(*) FROM chunks_fts"));
    }

    [Fact]
    public async Task Bad_files_are_reported_by_name_and_reason_while_the_good_ones_go_in()
    {
        var folder = Path.Combine(_dir.Path, "mixed");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "good.md"), "# Good\n\nA perfectly fine note about BM25.\n", Ct);
        await File.WriteAllBytesAsync(Path.Combine(folder, "empty.txt"), [], Ct);
        await File.WriteAllBytesAsync(Path.Combine(folder, "binary.txt"), [0x00, 0x01, 0x02, 0xFF, 0x00, 0x10, 0x00, 0x00], Ct);
        await File.WriteAllBytesAsync(Path.Combine(folder, "latin1.txt"), [0x63, 0x61, 0x66, 0xE9, 0x20, 0x6E, 0x6F, 0x69, 0x72], Ct);

        var summary = await Pipeline().IngestAsync([folder, _dir.File("missing.md")], cancellationToken: Ct);

        Assert.Equal(FileStatus.Ingested, summary.Files.Single(f => f.Path.EndsWith("good.md")).Status);
        foreach (var name in new[] { "empty.txt", "binary.txt", "latin1.txt", "missing.md" })
        {
            var outcome = summary.Files.Single(f => f.Path.EndsWith(name));
            Assert.Equal(FileStatus.Failed, outcome.Status);
            Assert.False(string.IsNullOrWhiteSpace(outcome.Error), $"{name} should say why it failed");
        }
        Assert.Equal(1L, new ArticleStore(_database).Counts().Articles);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_file_whose_indexing_fails_leaves_the_database_exactly_as_before(bool duringWrite)
    {
        var notes = CorpusFiles.CopyTo(_dir);
        var extra = Path.Combine(notes, "extra.md");
        await File.WriteAllTextAsync(extra, "# First\n\nFine text about recall.\n", Ct);
        var pipeline = Pipeline(new FailingIndexer("breaks the indexer", duringWrite));
        await pipeline.IngestAsync([notes], cancellationToken: Ct);
        var before = DatabaseSnapshot.Take(_database);

        // The file's first article changes (an update that must roll back too), its second one fails.
        await File.WriteAllTextAsync(extra, "# First\n\nChanged text about precision.\n\n# Second\n\nThis one breaks the indexer.\n", Ct);
        var summary = await pipeline.IngestAsync([notes], cancellationToken: Ct);

        var failed = summary.Files.Single(f => f.Status == FileStatus.Failed);
        Assert.EndsWith("extra.md", failed.Path);
        Assert.Contains("injected failure", failed.Error);
        Assert.All(summary.Files.Where(f => f != failed), f => Assert.Equal(FileStatus.Unchanged, f.Status));
        Assert.Equal(before, DatabaseSnapshot.Take(_database));
    }

    [Fact]
    public async Task Articles_given_directly_are_written_like_a_files_and_survive_prune()
    {
        Article[] passages = [new("p1", "Okapi", "BM25 saturates term frequency."), new("p2", "Fusion", "RRF adds reciprocal ranks.")];
        var first = await Pipeline().IngestArticlesAsync("beir:tiny", passages, Ct);
        Assert.Equal(2, first.ArticlesAdded);
        var before = DatabaseSnapshot.Take(_database);

        var again = await Pipeline().IngestArticlesAsync("beir:tiny", passages, Ct);
        var pruned = await Pipeline().IngestAsync([], prune: true, cancellationToken: Ct);

        Assert.Equal(0, again.ArticlesAdded + again.ArticlesUpdated);
        Assert.Equal(0, pruned.ArticlesRemoved);
        Assert.Equal(before, DatabaseSnapshot.Take(_database));
        var dropped = await Pipeline().IngestArticlesAsync("beir:tiny", passages[..1], Ct);
        Assert.Equal(1, dropped.ArticlesRemoved);
    }

    /// <summary>
    /// A real indexer failure (the fault an embedding or graph step could raise) on one article: while
    /// it is prepared (before the transaction) or while it is written (inside it).
    /// </summary>
    private sealed class FailingIndexer(string trigger, bool duringWrite) : IArticleIndexer
    {
        public string Name => "failing";

        public Task<IReadOnlyList<IArticleIndex>> PrepareAsync(IReadOnlyList<ArticleToIndex> articles, CancellationToken cancellationToken) =>
            articles.Any(a => a.Article.Text.Contains(trigger)) && !duringWrite
                ? throw new InvalidOperationException("injected failure")
                : Task.FromResult<IReadOnlyList<IArticleIndex>>(articles.Select(a => new Index(a.Article.Text.Contains(trigger))).ToList());

        public void Remove(long articleId, WriteTransaction write)
        {
        }

        private sealed class Index(bool fails) : IArticleIndex
        {
            public void Write(StoredArticle article, IReadOnlyList<StoredChunk> chunks, WriteTransaction write)
            {
                if (fails)
                    throw new InvalidOperationException("injected failure");
            }
        }
    }
}
