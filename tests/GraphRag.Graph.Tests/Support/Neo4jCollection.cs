namespace GraphRag.Graph.Tests.Support;

/// <summary>Tests that use the one local Neo4j server run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Neo4jCollection
{
    public const string Name = "neo4j";
}
