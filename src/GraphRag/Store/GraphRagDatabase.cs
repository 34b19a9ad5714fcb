using System.Collections.Concurrent;
using Dapper;
using Microsoft.Data.Sqlite;

namespace GraphRag.Store;

/// <summary>
/// Opens connections to the GraphRag SQLite file: WAL journal (readers never block the writer),
/// foreign keys on, a busy timeout so a writer waits for another instead of failing with
/// "database is locked". The first open in a process creates the file and applies the pending
/// migrations of the core and of every module given.
/// </summary>
public sealed class GraphRagDatabase
{
    private static readonly ConcurrentDictionary<(string Path, string Versions), Lazy<bool>> Migrated = new();

    private readonly IReadOnlyList<Migration> _migrations;
    private readonly string _versions;

    /// <param name="modules">The migrations of the modules in use (the graph's, say); the core's are always applied.</param>
    public GraphRagDatabase(string path, IEnumerable<Migration>? modules = null)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new ArgumentException("The database path is empty: set GraphRag:Database or pass --db.");
        Path = System.IO.Path.GetFullPath(path);
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true }.ToString();
        _migrations = Migrator.Order(Migrator.Core.Concat(modules ?? []));
        _versions = string.Join(',', _migrations.Select(m => m.Version));
    }

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
        connection.Execute("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;");
        // Set or cleared on every open: pooled connections keep their handle between opens.
        var observer = StatementObserver;
        SQLitePCL.raw.sqlite3_trace(connection.Handle, observer is null ? null : (_, statement) => observer(statement), null);
        _ = Migrated.GetOrAdd((Path, _versions), _ => new Lazy<bool>(() =>
        {
            connection.Execute("PRAGMA journal_mode = WAL;");
            Migrator.Apply(connection, _migrations);
            return true;
        })).Value;
        return connection;
    }

    /// <summary>A write transaction on its own connection (closed with it).</summary>
    public WriteTransaction BeginWrite() => new(Open(), ownsConnection: true);
}
