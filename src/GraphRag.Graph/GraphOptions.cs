namespace GraphRag.Graph;

/// <summary>Bound from the "GraphRag:Graph" configuration section.</summary>
public sealed class GraphOptions
{
    public const string EmbeddedStore = "embedded";
    public const string Neo4jStore = "neo4j";

    /// <summary>"embedded" (tables in the SQLite database, the default) or "neo4j" (a mirror kept in sync through an outbox).</summary>
    public string Store { get; set; } = EmbeddedStore;

    public Neo4jOptions Neo4j { get; set; } = new();

    public bool UsesNeo4j => string.Equals(Store, Neo4jStore, StringComparison.OrdinalIgnoreCase);

    /// <summary>Throws with the setting to change when the store name is unknown.</summary>
    public void Validate()
    {
        if (!string.Equals(Store, EmbeddedStore, StringComparison.OrdinalIgnoreCase) && !UsesNeo4j)
            throw new ArgumentException($"GraphRag:Graph:Store is \"{Store}\"; use \"{EmbeddedStore}\" or \"{Neo4jStore}\".");
        if (UsesNeo4j)
            Neo4j.Validate();
    }
}

public sealed class Neo4jOptions
{
    public string Url { get; set; } = "http://127.0.0.1:7474";
    public string User { get; set; } = "neo4j";
    public string Password { get; set; } = "";

    /// <summary>Used by Neo4j 4.x/5.x (/db/{database}/tx/commit); 3.x has one database.</summary>
    public string Database { get; set; } = "neo4j";

    /// <summary>Articles per write request during sync.</summary>
    public int BatchArticles { get; set; } = 50;

    public int MaxRetries { get; set; } = 4;
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public void Validate()
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            throw new ArgumentException($"GraphRag:Graph:Neo4j:Url \"{Url}\" is not an http(s) URL.");
        if (string.IsNullOrEmpty(Password))
            throw new ArgumentException("GraphRag:Graph:Neo4j:Password is empty: set it (scripts/neo4j.sh start writes it to .assets/neo4j.env) or use the environment variable GRAPHRAG_GraphRag__Graph__Neo4j__Password.");
        if (BatchArticles < 1)
            throw new ArgumentException($"GraphRag:Graph:Neo4j:BatchArticles must be at least 1 (it is {BatchArticles}).");
    }
}
