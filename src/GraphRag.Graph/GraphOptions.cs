using GraphRag.Graph.Retrieve;
using Microsoft.Extensions.Options;

namespace GraphRag.Graph;

/// <summary>GraphRag:Graph: where the graph is kept and how graph retrieval walks it.</summary>
public sealed class GraphOptions
{
    public const string Section = "GraphRag:Graph";
    public const string EmbeddedStore = "embedded";
    public const string Neo4jStore = "neo4j";

    /// <summary>"embedded" (tables in the SQLite database, the default) or "neo4j" (a mirror kept in sync through an outbox).</summary>
    public string Store { get; set; } = EmbeddedStore;

    public Neo4jOptions Neo4j { get; set; } = new();

    public GraphRetrievalOptions Retrieval { get; set; } = new();

    public LlmExtractionOptions Llm { get; set; } = new();

    /// <summary>The folder scripts/fetch-assets.sh fills; extraction reads its English lexicons (brill/, subtlex/) from it.</summary>
    public string Assets { get; set; } = ".assets";

    /// <summary><see cref="Assets"/> as is when rooted, else the first such folder up from the working or program directory.</summary>
    public string ResolveAssets()
    {
        if (Path.IsPathRooted(Assets))
            return Assets;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (Directory.Exists(Path.Combine(dir.FullName, Assets)))
                    return Path.Combine(dir.FullName, Assets);
        return Path.GetFullPath(Assets);
    }

    public bool UsesNeo4j => string.Equals(Store, Neo4jStore, StringComparison.OrdinalIgnoreCase);
}

/// <summary>GraphRag:Graph:Llm: extraction by the configured generator (GraphRag:Generator:Model or Endpoint) besides the offline extractor.</summary>
public sealed class LlmExtractionOptions
{
    /// <summary>Off by default: the offline extractor stands alone; on, every new chunk costs one model call (cached per chunk and model).</summary>
    public bool Enabled { get; set; }

    /// <summary>The name recorded as provenance and cache key; empty: the model id the client reports, else "generator".</summary>
    public string Model { get; set; } = "";
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
}

/// <summary>Checks GraphRag:Graph at start-up; each failure names the key and the values allowed.</summary>
public sealed class GraphOptionsValidator : IValidateOptions<GraphOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphOptions options)
    {
        var errors = new List<string>();
        if (!string.Equals(options.Store, GraphOptions.EmbeddedStore, StringComparison.OrdinalIgnoreCase) && !options.UsesNeo4j)
            errors.Add($"{GraphOptions.Section}:Store is \"{options.Store}\"; use \"{GraphOptions.EmbeddedStore}\" or \"{GraphOptions.Neo4jStore}\".");
        if (options.UsesNeo4j)
        {
            var neo4j = options.Neo4j;
            if (!Uri.TryCreate(neo4j.Url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
                errors.Add($"{GraphOptions.Section}:Neo4j:Url \"{neo4j.Url}\" is not an http(s) URL.");
            if (string.IsNullOrEmpty(neo4j.Password))
                errors.Add($"{GraphOptions.Section}:Neo4j:Password is empty: set it (scripts/neo4j.sh start writes it to .assets/neo4j.env) or use the environment variable GRAPHRAG_GraphRag__Graph__Neo4j__Password.");
            if (neo4j.BatchArticles < 1)
                errors.Add($"{GraphOptions.Section}:Neo4j:BatchArticles must be at least 1 (it is {neo4j.BatchArticles}).");
        }
        var retrieval = options.Retrieval;
        if (retrieval.Damping is <= 0 or >= 1)
            errors.Add($"{GraphOptions.Section}:Retrieval:Damping is {retrieval.Damping}; it must be between 0 and 1 (exclusive).");
        if (retrieval.PassageSeedCount < 1)
            errors.Add($"{GraphOptions.Section}:Retrieval:PassageSeedCount must be at least 1 (it is {retrieval.PassageSeedCount}).");
        if (retrieval.ExpansionSeeds < 1)
            errors.Add($"{GraphOptions.Section}:Retrieval:ExpansionSeeds must be at least 1 (it is {retrieval.ExpansionSeeds}).");
        if (retrieval.PassageSeedWeight is < 0 or > 1)
            errors.Add($"{GraphOptions.Section}:Retrieval:PassageSeedWeight is {retrieval.PassageSeedWeight}; it must be between 0 and 1.");
        if (!string.IsNullOrEmpty(retrieval.PassageSeeds)
            && !retrieval.PassageSeeds.Equals(GraphRag.Retrieve.RetrievalModeNames.Lexical, StringComparison.OrdinalIgnoreCase)
            && !retrieval.PassageSeeds.Equals(GraphRag.Retrieve.RetrievalModeNames.Dense, StringComparison.OrdinalIgnoreCase))
            errors.Add($"{GraphOptions.Section}:Retrieval:PassageSeeds is \"{retrieval.PassageSeeds}\"; use \"lexical\", \"dense\" or empty (entities only).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
