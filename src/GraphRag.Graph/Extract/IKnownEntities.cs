namespace GraphRag.Graph.Extract;

/// <summary>An entity already in the graph, found by one of its aliases.</summary>
public sealed record KnownEntity(string Key, string Name, string Type);

/// <summary>What the graph already knows: lets extraction resolve an alias to an existing entity across articles.</summary>
public interface IKnownEntities
{
    KnownEntity? Find(string aliasKey);
}

/// <summary>For extraction without a graph (tests, benchmarks, the gold evaluation).</summary>
public sealed class NoKnownEntities : IKnownEntities
{
    public static NoKnownEntities Instance { get; } = new();

    public KnownEntity? Find(string aliasKey) => null;
}
