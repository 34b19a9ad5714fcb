namespace GraphRag.Store;

/// <summary>Where the SQLite database lives. Bound from the "GraphRag" configuration section.</summary>
public sealed class StoreOptions
{
    public string Database { get; set; } = "data/graphrag.db";
}
