using System.Collections.Concurrent;
using Dapper;
using Microsoft.Data.Sqlite;

namespace GraphRag.Store;

/// <summary>
/// Opens connections to the GraphRag SQLite file: WAL journal (readers never block the writer),
/// foreign keys on, and a <see cref="BusyPolicy"/> so a writer waits for another (SQLite's busy
/// timeout, then bounded retries) instead of failing with "database is locked". The first open in a
/// process creates the file and applies the pending migrations of the core and of every module given.
/// </summary>
public sealed class GraphRagDatabase
{
    // Per file and set of migrations: a lock for applying them, and whether this process has. A failed
    // attempt is not remembered: the next open tries again. One file's wait never holds up another's.
    private static readonly ConcurrentDictionary<(string Path, string Versions), Lock> MigrationLocks = new();
    private static readonly ConcurrentDictionary<(string Path, string Versions), bool> Migrated = new();

    private readonly IReadOnlyList<Migration> _migrations;
    private readonly string _versions;

    /// <param name="modules">The migrations of the modules in use (the graph's, say); the core's are always applied.</param>
    /// <param name="busy">How long writers wait for each other; <see cref="BusyPolicy.Default"/> when null.</param>
    public GraphRagDatabase(string path, IEnumerable<Migration>? modules = null, BusyPolicy? busy = null)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new ArgumentException("The database path is empty: set GraphRag:Database or pass --db.");
        Path = System.IO.Path.GetFullPath(path);
        Busy = busy ?? BusyPolicy.Default;
        // DefaultTimeout: Microsoft.Data.Sqlite retries a busy statement itself for this long (whole seconds), after SQLite's own busy_timeout.
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true, DefaultTimeout = Busy.AttemptSeconds }.ToString();
        _migrations = Migrator.Order(Migrator.Core.Concat(modules ?? []));
        _versions = string.Join(',', _migrations.Select(m => m.Version));
    }

    public BusyPolicy Busy { get; }

    public string Path { get; }

    public string ConnectionString { get; }

    public bool Exists => File.Exists(Path);

    /// <summary>
    /// Sees the text of every SQL statement run on connections opened after it is set (diagnostics:
    /// tracing, and the tests that count what a search costs).
    /// </summary>
    public Action<string>? StatementObserver { get; set; }

    public SqliteConnection Open()
    {
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        connection.Execute($"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {Busy.AttemptSeconds * 1000}; PRAGMA synchronous = NORMAL;");
        // Set or cleared on every open: pooled connections keep their handle between opens.
        var observer = StatementObserver;
        SQLitePCL.raw.sqlite3_trace(connection.Handle, observer is null ? null : (_, statement) => observer(statement), null);
        try
        {
            Migrate(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        return connection;
    }

    /// <summary>
    /// Once per file and process: WAL on, pending migrations applied. Another process migrating the same
    /// new file at the same moment holds the lock; this one waits (Migrator re-reads what is applied).
    /// </summary>
    private void Migrate(SqliteConnection connection)
    {
        var key = (Path, _versions);
        if (Migrated.ContainsKey(key))
            return;
        lock (MigrationLocks.GetOrAdd(key, _ => new Lock()))
        {
            if (Migrated.ContainsKey(key))
                return;
            Busy.Run(Path, () =>
            {
                connection.Execute("PRAGMA journal_mode = WAL;");
                Migrator.Apply(connection, _migrations);
                return true;
            });
            Migrated[key] = true;
        }
    }

    /// <summary>A write transaction on its own connection (closed with it), once the write lock is free.</summary>
    /// <exception cref="DatabaseBusyException">Another writer kept the lock for longer than <see cref="Busy"/> waits.</exception>
    public WriteTransaction BeginWrite() => Busy.Run(Path, () =>
    {
        var connection = Open();
        try
        {
            return new WriteTransaction(connection, ownsConnection: true);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    });
}
