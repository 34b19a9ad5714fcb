using Dapper;
using GraphRag.Tests;
using Microsoft.Data.Sqlite;

namespace GraphRag.Cli.Tests.Foundation;

/// <summary>
/// Two real `ingest` processes on one database that neither has created yet: the migrations do not
/// race, neither writer fails with "database is locked", and both batches land whole.
/// </summary>
public sealed class ConcurrentIngestionTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_processes_ingesting_different_files_into_a_new_database_both_land()
    {
        var first = await VariantsAsync("first", "the ");
        var second = await VariantsAsync("second", "thе ");
        var shared = _dir.File("shared.db");

        var runs = await Task.WhenAll(
            CliProcess.RunAsync(_dir.Path, "ingest", first, "--db", shared),
            CliProcess.RunAsync(_dir.Path, "ingest", second, "--db", shared));

        foreach (var run in runs)
        {
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.DoesNotContain("locked", run.Output);
            Assert.DoesNotContain("already exists", run.Output);
            Assert.DoesNotContain("   at ", run.Output);
        }
        // The same rows as the two batches written one after the other.
        var sequential = _dir.File("sequential.db");
        Assert.Equal(0, (await CliProcess.RunAsync(_dir.Path, "ingest", first, "--db", sequential)).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(_dir.Path, "ingest", second, "--db", sequential)).ExitCode);
        Assert.Equal(Chunks(sequential), Chunks(shared));
        Assert.Equal(2 * Directory.GetFiles(TestPaths.Repo("corpus")).Length, Files(shared));
    }

    /// <summary>The corpus files with one word spelled differently, so each folder's articles are its own.</summary>
    private async Task<string> VariantsAsync(string name, string the)
    {
        var folder = Directory.CreateDirectory(_dir.File(name)).FullName;
        foreach (var file in Directory.GetFiles(TestPaths.Repo("corpus")))
            await File.WriteAllTextAsync(Path.Combine(folder, Path.GetFileName(file)), (await File.ReadAllTextAsync(file, Ct)).Replace("the ", the), Ct);
        return folder;
    }

    private static long Files(string db)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        return connection.ExecuteScalar<long>("SELECT count(*) FROM source_files");
    }

    private static List<string> Chunks(string db)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        Assert.Equal("ok", connection.ExecuteScalar<string>("PRAGMA integrity_check"));
        return connection.Query<string>("""
            SELECT a.source_path || '|' || a.article_key || '|' || a.content_hash || '|' || c.ordinal || '|' || c.start_offset || '|' || c.end_offset
            FROM chunks c JOIN articles a ON a.id = c.article_id
            ORDER BY 1
            """).AsList();
    }
}
