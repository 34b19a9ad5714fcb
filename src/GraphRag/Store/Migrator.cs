using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.Sqlite;

namespace GraphRag.Store;

/// <summary>One numbered schema change. Versions are unique across modules: they order the whole schema.</summary>
public sealed record Migration(int Version, string Name, string Sql);

/// <summary>
/// Applies numbered SQL migrations, each module's own (embedded in its assembly as
/// <c>migrations/NNNN_name.sql</c>), in version order, and records them in schema_migrations so each
/// runs exactly once. All pending migrations run in one IMMEDIATE transaction that first re-reads
/// what is applied, so two processes opening a new database at once do not race: the second waits,
/// then finds nothing left to do.
/// </summary>
public static partial class Migrator
{
    /// <summary>The migrations embedded in an assembly.</summary>
    public static IReadOnlyList<Migration> In(Assembly assembly)
    {
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = MigrationName().Match(resource);
            if (!match.Success)
                continue;
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(int.Parse(match.Groups[1].Value), match.Groups[2].Value, reader.ReadToEnd()));
        }
        return migrations;
    }

    /// <summary>The core tables' migrations (source files, articles, chunks, FTS, embeddings).</summary>
    public static IReadOnlyList<Migration> Core { get; } = In(typeof(Migrator).Assembly);

    /// <summary>Orders migrations by version and refuses two with the same version.</summary>
    public static IReadOnlyList<Migration> Order(IEnumerable<Migration> migrations)
    {
        var all = migrations.DistinctBy(m => (m.Version, m.Name)).ToList();
        var duplicate = all.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Two migrations share version {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.Name))}");
        return all.OrderBy(m => m.Version).ToList();
    }

    public static void Apply(SqliteConnection connection, IReadOnlyList<Migration> migrations)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        connection.Execute("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    INTEGER PRIMARY KEY,
                name       TEXT NOT NULL,
                applied_at TEXT NOT NULL
            ) STRICT
            """, transaction: transaction);
        var applied = connection.Query<int>("SELECT version FROM schema_migrations", transaction: transaction).ToHashSet();
        foreach (var migration in migrations.Where(m => !applied.Contains(m.Version)))
        {
            connection.Execute(migration.Sql, transaction: transaction);
            connection.Execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($version, $name, $at)",
                new { version = migration.Version, name = migration.Name, at = DateTimeOffset.UtcNow.ToString("O") },
                transaction);
        }
        transaction.Commit();
    }

    [GeneratedRegex(@"^migrations/(\d{4})_(.+)\.sql$")]
    private static partial Regex MigrationName();
}
