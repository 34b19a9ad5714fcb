using System.Text;
using Dapper;
using GraphRag.Store;

namespace GraphRag.Tests.Support;

/// <summary>
/// Every row of every GraphRag table as text (timestamps left out), so a test can assert that an
/// operation changed nothing at all, or rolled back exactly.
/// </summary>
public static class DatabaseSnapshot
{
    public static string Take(GraphRagDatabase database)
    {
        using var connection = database.Open();
        var tables = connection.Query<string>(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts_%' AND name <> 'schema_migrations' ORDER BY name");
        var text = new StringBuilder();
        foreach (var table in tables)
        {
            // Table names come from sqlite_schema, not from user input.
            var rows = connection.Query($"SELECT * FROM \"{table}\"").Cast<IDictionary<string, object?>>();
            foreach (var row in rows.Select(r => string.Join("|", r.Where(c => !c.Key.EndsWith("_at")).Select(c => $"{c.Key}={Format(c.Value)}"))).Order(StringComparer.Ordinal))
                text.Append(table).Append(':').AppendLine(row);
        }
        text.Append("fts rows: ").AppendLine(connection.ExecuteScalar<long>("SELECT count(*) FROM chunks_fts").ToString());
        return text.ToString();
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        byte[] bytes => Convert.ToHexString(bytes),
        _ => value.ToString() ?? "",
    };
}
