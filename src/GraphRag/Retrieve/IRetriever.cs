namespace GraphRag.Retrieve;

/// <summary>One retrieval mode (lexical, dense, graph, hybrid): a query in, ranked passages out.</summary>
public interface IRetriever
{
    /// <summary>The mode's name as users type it: "lexical", "dense", "graph", "hybrid".</summary>
    string Mode { get; }

    Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int top, CancellationToken cancellationToken = default);
}
