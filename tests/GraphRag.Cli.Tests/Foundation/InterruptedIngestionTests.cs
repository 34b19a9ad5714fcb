using System.Diagnostics;
using Dapper;
using GraphRag.Tests;
using Microsoft.Data.Sqlite;

namespace GraphRag.Cli.Tests.Foundation;

/// <summary>
/// Kills a real ingestion process part-way through a batch, then checks that the database is
/// consistent and that the next run completes it to exactly what an uninterrupted run writes.
/// </summary>
public sealed class InterruptedIngestionTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_killed_run_leaves_a_consistent_database_that_the_next_run_completes_without_duplicates()
    {
        var notes = Path.Combine(_dir.Path, "notes");
        Directory.CreateDirectory(notes);
        // Forty variants of the corpus files: enough work to kill the process in the middle of it.
        var corpus = Directory.GetFiles(TestPaths.Repo("corpus"));
        for (var copy = 0; copy < 8; copy++)
            foreach (var file in corpus)
                await File.WriteAllTextAsync(Path.Combine(notes, $"{copy:D2}_{Path.GetFileName(file)}"),
                    (await File.ReadAllTextAsync(file, Ct)).Replace("the ", copy % 2 == 0 ? "the " : "thе "), Ct);
        var interruptedDb = _dir.File("interrupted.db");

        using (var process = Process.Start(CliProcess.StartInfo(_dir.Path, null, "ingest", notes, "--db", interruptedDb))!)
        {
            // Wait until some files are committed, then kill it without warning.
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (FilesCommitted(interruptedDb) < 3 && !process.HasExited && DateTime.UtcNow < deadline)
                await Task.Delay(50, Ct);
            Assert.False(process.HasExited, "the batch finished before it could be interrupted; give it more work");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(Ct);
        }
        var partial = FilesCommitted(interruptedDb);
        Assert.InRange(partial, 3, corpus.Length * 8 - 1);
        AssertConsistent(interruptedDb);

        var resumed = await CliProcess.RunAsync(_dir.Path, "ingest", notes, "--db", interruptedDb);
        Assert.True(resumed.ExitCode == 0, resumed.Output);
        var clean = await CliProcess.RunAsync(_dir.Path, "ingest", notes, "--db", _dir.File("clean.db"));
        Assert.True(clean.ExitCode == 0, clean.Output);

        AssertConsistent(interruptedDb);
        Assert.Equal(Contents(_dir.File("clean.db")), Contents(interruptedDb));
    }

    private static long FilesCommitted(string db)
    {
        if (!File.Exists(db))
            return 0;
        try
        {
            using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
            connection.Open();
            return connection.ExecuteScalar<long>("SELECT count(*) FROM source_files");
        }
        catch (SqliteException)
        {
            return 0; // not created yet
        }
    }

    /// <summary>Every article belongs to a recorded file, chunks are whole, FTS matches chunks.</summary>
    private static void AssertConsistent(string db)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        Assert.Equal("ok", connection.ExecuteScalar<string>("PRAGMA integrity_check"));
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT count(*) FROM articles WHERE source_path NOT IN (SELECT path FROM source_files)"));
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM chunks c WHERE c.article_id = a.id)"));
        Assert.Equal(connection.ExecuteScalar<long>("SELECT count(*) FROM chunks"), connection.ExecuteScalar<long>("SELECT count(*) FROM chunks_fts"));
        // Ordinals run 0..n-1 within each article: no chunk half-written, none twice.
        Assert.Equal(0, connection.ExecuteScalar<long>(
            "SELECT count(*) FROM (SELECT article_id FROM chunks GROUP BY article_id HAVING max(ordinal) + 1 <> count(*))"));
    }

    /// <summary>What the database holds, independent of row ids and timestamps.</summary>
    private static List<string> Contents(string db)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        return connection.Query<string>("""
            SELECT a.source_path || '|' || a.article_key || '|' || a.content_hash || '|' || c.ordinal || '|' || c.start_offset || '|' || c.end_offset
            FROM chunks c JOIN articles a ON a.id = c.article_id
            ORDER BY 1
            """).AsList();
    }
}
