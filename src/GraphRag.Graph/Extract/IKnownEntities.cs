namespace GraphRag.Graph.Extract;

/// <summary>An entity already in the graph, found by one of its aliases.</summary>
public sealed record KnownEntity(string Key, string Name, string Type);

/// <summary>What the graph already knows: lets extraction resolve an alias to an existing entity across articles.</summary>
public interface IKnownEntities
{
    KnownEntity? Find(string aliasKey);

    /// <summary>Entities whose key ends with the word <paramref name="head"/> or is exactly <paramref name="initials"/>: the candidates entity resolution compares a new name with.</summary>
    IEnumerable<KnownEntity> Similar(string head, string initials);
}

/// <summary>For extraction without a graph (tests, benchmarks, the gold evaluation).</summary>
public sealed class NoKnownEntities : IKnownEntities
{
    public static NoKnownEntities Instance { get; } = new();

    public KnownEntity? Find(string aliasKey) => null;

    public IEnumerable<KnownEntity> Similar(string head, string initials) => [];
}
