using Dapper;
using GraphRag.Store;

namespace GraphRag.Tests.Store;

public class MigratorTests
{
    [Fact]
    public void The_core_migrations_are_numbered_from_one_without_gaps_or_repeats()
    {
        var versions = Migrator.Order(Migrator.Core).Select(m => m.Version).ToList();
        Assert.NotEmpty(versions);
        Assert.Equal(Enumerable.Range(1, versions.Count), versions);
    }

    [Fact]
    public void Two_modules_cannot_claim_the_same_version()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            Migrator.Order(Migrator.Core.Append(new Migration(1, "other_module", "SELECT 1"))));
        Assert.Contains("version 1", error.Message);
    }

    [Fact]
    public void Opening_a_new_database_applies_every_migration_once_and_records_it()
    {
        using var dir = new TempDirectory();
        var module = new Migration(90, "test_module", "CREATE TABLE test_module (id INTEGER PRIMARY KEY) STRICT;");
        var database = new GraphRagDatabase(dir.File("a.db"), [module]);
        using (var connection = database.Open())
        {
            var applied = connection.Query<int>("SELECT version FROM schema_migrations ORDER BY version").ToList();
            Assert.Equal(Migrator.Core.Select(m => m.Version).Append(90).Order(), applied);
            Assert.Equal("wal", connection.ExecuteScalar<string>("PRAGMA journal_mode"));
            Assert.Equal(1, connection.ExecuteScalar<int>("PRAGMA foreign_keys"));
        }
        // A second database object on the same file finds nothing left to apply.
        using var again = new GraphRagDatabase(dir.File("a.db")).Open();
        Migrator.Apply(again, Migrator.Order(Migrator.Core.Append(module)));
        Assert.Equal(Migrator.Core.Count + 1, again.ExecuteScalar<int>("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public void The_migration_files_in_the_repository_are_the_ones_embedded()
    {
        var onDisk = Directory.GetFiles(TestPaths.Repo("src", "GraphRag", "Store", "Migrations"), "*.sql")
            .Select(f => Path.GetFileNameWithoutExtension(f)!).Order().ToList();
        var embedded = Migrator.Core.Select(m => $"{m.Version:D4}_{m.Name}").Order().ToList();
        Assert.Equal(onDisk, embedded);
    }
}
