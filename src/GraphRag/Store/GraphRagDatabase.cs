using System.Collections.Concurrent;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace GraphRag.Store;

/// <summary>
/// Opens connections to the GraphRag SQLite file: WAL journal (readers never block the writer),
/// foreign keys on, a busy timeout instead of immediate "database is locked". The first open in a
/// process creates the file and applies pending migrations.
/// </summary>
public sealed class GraphRagDatabase
{
    private static readonly ConcurrentDictionary<string, Lazy<bool>> Migrated = new();

    public GraphRagDatabase(IOptions<StoreOptions> options) : this(options.Value.Database) { }

    public GraphRagDatabase(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new ArgumentException("The database path is empty: set GraphRag:Database or pass --db.");
        Path = System.IO.Path.GetFullPath(path);
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true }.ToString();
    }

    public string Path { get; }

    public string ConnectionString { get; }

    public bool Exists => File.Exists(Path);

    public SqliteConnection Open()
    {
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        connection.Execute("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;");
        _ = Migrated.GetOrAdd(Path, _ => new Lazy<bool>(() =>
        {
            connection.Execute("PRAGMA journal_mode = WAL;");
            Migrator.Apply(connection);
            return true;
        })).Value;
        return connection;
    }
}
