using System.Diagnostics;
using Dapper;
using GraphRag.Store;
using Microsoft.Data.Sqlite;

namespace GraphRag.Tests.Store;

/// <summary>
/// Writers wait for each other instead of failing: real SQLite locks, held by a second connection
/// the way another process would hold them, with a short policy so the test takes seconds.
/// </summary>
public sealed class BusyPolicyTests : IDisposable
{
    private static readonly BusyPolicy Quick = new(TimeSpan.FromSeconds(1), Retries: 2, FirstPause: TimeSpan.FromMilliseconds(100));

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_longest_wait_is_every_attempt_plus_the_doubling_pauses()
    {
        // 3 attempts of 1 s, pauses of 100 + 200 ms.
        Assert.Equal(TimeSpan.FromMilliseconds(3300), Quick.MaxWait);
        // The driver counts in whole seconds: a shorter timeout waits one.
        Assert.Equal(1, (Quick with { Timeout = TimeSpan.FromMilliseconds(100) }).AttemptSeconds);
        Assert.Equal(TimeSpan.FromSeconds(120) + TimeSpan.FromSeconds(7), BusyPolicy.Default.MaxWait);
    }

    [Fact]
    public async Task A_writer_waits_past_the_busy_timeout_for_another_and_then_writes()
    {
        var database = new GraphRagDatabase(_dir.File("g.db"), busy: Quick);
        using var other = Hold(database);

        var clock = Stopwatch.StartNew();
        var writer = Task.Run(() =>
        {
            using var write = database.BeginWrite();
            write.RecordFile("/notes/a.md", "hash", 1);
            write.Commit();
        }, TestContext.Current.CancellationToken);
        // Longer than one attempt: the writer has to retry, not just sit in SQLite's busy handler.
        await Task.Delay(1500, TestContext.Current.CancellationToken);
        Assert.False(writer.IsCompleted, "the writer did not wait for the lock");
        other.Commit();
        await writer;

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(1500), Quick.MaxWait * 2);
        using var connection = database.Open();
        Assert.Equal(["/held", "/notes/a.md"], connection.Query<string>("SELECT path FROM source_files ORDER BY path"));
    }

    [Fact]
    public void A_writer_that_never_gets_the_lock_gives_up_in_bounded_time_saying_why()
    {
        var database = new GraphRagDatabase(_dir.File("g.db"), busy: Quick);
        using var other = Hold(database);

        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<DatabaseBusyException>(() => database.BeginWrite());

        Assert.InRange(clock.Elapsed, Quick.MaxWait * 0.9, Quick.MaxWait * 3);
        Assert.Equal($"{database.Path} is busy: another process kept it locked for over 3 s. Try again once it has finished.", error.Message);
    }

    [Fact]
    public void Migrations_that_found_a_new_file_locked_are_applied_on_the_next_open()
    {
        var path = _dir.File("new.db");
        // Another process has just created the file and holds it exclusively.
        using (var creator = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            creator.Open();
            using var writing = creator.BeginTransaction(deferred: false);
            creator.Execute("CREATE TABLE other_process (id INTEGER)", transaction: writing);
            Assert.Throws<DatabaseBusyException>(() => new GraphRagDatabase(path, busy: Quick).Open());
            writing.Commit();
        }

        using var connection = new GraphRagDatabase(path, busy: Quick).Open();
        Assert.Equal(Migrator.Core.Count, connection.ExecuteScalar<int>("SELECT count(*) FROM schema_migrations"));
    }

    private static HeldLock Hold(GraphRagDatabase database) => new(database.Open());

    /// <summary>The write lock, held by a second connection (with a row written) until committed or disposed.</summary>
    private sealed class HeldLock : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteTransaction _transaction;

        public HeldLock(SqliteConnection connection)
        {
            _connection = connection;
            _transaction = connection.BeginTransaction(deferred: false);
            connection.Execute("INSERT INTO source_files (path, content_hash, size_bytes, ingested_at) VALUES ('/held', 'h', 0, 'now')",
                transaction: _transaction);
        }

        public void Commit() => _transaction.Commit();

        public void Dispose()
        {
            _transaction.Dispose();
            _connection.Dispose();
        }
    }
}
