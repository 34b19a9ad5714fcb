using Dapper;
using GraphRag.Store;

namespace GraphRag.Tests.Store;

public class MigratorTests
{
    [Fact]
    public void Migrations_are_numbered_without_gaps_or_repeats()
    {
        var versions = Migrator.All.Select(m => m.Version).ToList();
        Assert.NotEmpty(versions);
        Assert.Equal(Enumerable.Range(1, versions.Count), versions);
    }

    [Fact]
    public void Opening_a_new_database_applies_every_migration_once_and_records_it()
    {
        using var dir = new TempDirectory();
        var database = new GraphRagDatabase(dir.File("a.db"));
        using (var connection = database.Open())
        {
            var applied = connection.Query<int>("SELECT version FROM schema_migrations ORDER BY version").ToList();
            Assert.Equal(Migrator.All.Select(m => m.Version), applied);
            Assert.Equal("wal", connection.ExecuteScalar<string>("PRAGMA journal_mode"));
            Assert.Equal(1, connection.ExecuteScalar<int>("PRAGMA foreign_keys"));
        }
        // A second database object on the same file finds nothing left to apply.
        using var again = new GraphRagDatabase(dir.File("a.db")).Open();
        Migrator.Apply(again);
        Assert.Equal(Migrator.All.Count, again.ExecuteScalar<int>("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public void The_migration_files_in_the_repository_are_the_ones_embedded()
    {
        var onDisk = Directory.GetFiles(TestPaths.Repo("migrations"), "*.sql").Select(f => Path.GetFileNameWithoutExtension(f)!).Order().ToList();
        var embedded = Migrator.All.Select(m => $"{m.Version:D4}_{m.Name}").Order().ToList();
        Assert.Equal(onDisk, embedded);
    }
}
