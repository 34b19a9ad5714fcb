namespace GraphRag.Graph.Store;

/// <summary>The constraint and index statements of schema/neo4j/*.cypher, embedded in this assembly, in file order.</summary>
public static class Neo4jSchema
{
    public static IReadOnlyList<string> Statements { get; } = Load();

    private static List<string> Load()
    {
        var assembly = typeof(Neo4jSchema).Assembly;
        var statements = new List<string>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("neo4j/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            var withoutComments = string.Join('\n', reader.ReadToEnd().Split('\n').Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)));
            statements.AddRange(withoutComments.Split(';').Select(s => s.Trim()).Where(s => s.Length > 0));
        }
        return statements;
    }
}
