using Dapper;
using GraphRag.Store;

namespace GraphRag.Tests.Store;

/// <summary>
/// Each index in schema/README.md exists for a query; these check with EXPLAIN QUERY PLAN that
/// SQLite really uses it (a SCAN would mean the index is dead weight or the query regressed).
/// </summary>
public class QueryPlanTests
{
    public static TheoryData<string, string, string> Queries => new()
    {
        { "file hash lookup (skip unchanged files)", "SELECT content_hash FROM source_files WHERE path = 'x'",
          "SEARCH source_files USING INDEX sqlite_autoindex_source_files_1 (path=?)" },
        { "articles of a file (re-ingest, prune)", "SELECT id, article_key, content_hash FROM articles WHERE source_path = 'x'",
          "SEARCH articles USING INDEX sqlite_autoindex_articles_1 (source_path=?)" },
        { "chunks of an article in order", "SELECT * FROM chunks WHERE article_id = 1 ORDER BY ordinal",
          "SEARCH chunks USING INDEX sqlite_autoindex_chunks_1 (article_id=?)" },
        { "lexical search joins chunks by rowid",
          "SELECT c.id FROM chunks_fts JOIN chunks c ON c.id = chunks_fts.rowid JOIN articles a ON a.id = c.article_id WHERE chunks_fts MATCH 'x' ORDER BY bm25(chunks_fts)",
          "SEARCH c USING INTEGER PRIMARY KEY (rowid=?)" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void The_query_uses_its_index(string purpose, string sql, string expectedStep)
    {
        using var dir = new TempDirectory();
        using var connection = new GraphRagDatabase(dir.File("plan.db")).Open();
        var plan = connection.Query<(long, long, long, string Detail)>("EXPLAIN QUERY PLAN " + sql).Select(r => r.Detail).ToList();
        Assert.True(plan.Contains(expectedStep), $"{purpose}: expected '{expectedStep}' in plan [{string.Join(" | ", plan)}]");
        Assert.DoesNotContain(plan, step => step.Contains("USE TEMP B-TREE FOR ORDER BY") && sql.Contains("ordinal"));
    }
}
