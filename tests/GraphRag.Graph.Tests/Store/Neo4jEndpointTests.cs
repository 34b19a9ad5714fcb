using System.Text.Json.Nodes;
using GraphRag.Graph.Store;

namespace GraphRag.Graph.Tests.Store;

/// <summary>Endpoint discovery from the discovery documents Neo4j 3.x and 5.x serve at GET /.</summary>
public sealed class Neo4jEndpointTests
{
    private static readonly Uri Root = new("http://127.0.0.1:7474/");

    [Fact]
    public void Neo4j_3_serves_the_data_transaction_endpoint() =>
        Assert.Equal("http://127.0.0.1:7474/db/data/transaction/commit",
            Neo4jHttpClient.CommitEndpointFrom(JsonNode.Parse("""
                {"management":"http://127.0.0.1:7474/db/manage/","data":"http://127.0.0.1:7474/db/data/","bolt":"bolt://127.0.0.1:7687"}
                """)!.AsObject(), Root, "neo4j").ToString());

    [Fact]
    public void Neo4j_5_serves_a_per_database_transaction_endpoint() =>
        Assert.Equal("http://127.0.0.1:7474/db/notes/tx/commit",
            Neo4jHttpClient.CommitEndpointFrom(JsonNode.Parse("""
                {"bolt_routing":"neo4j://127.0.0.1:7687","transaction":"http://127.0.0.1:7474/db/{databaseName}/tx","bolt_direct":"bolt://127.0.0.1:7687","neo4j_version":"5.20.0","neo4j_edition":"community"}
                """)!.AsObject(), Root, "notes").ToString());

    [Fact]
    public void Something_else_is_refused_with_the_url() =>
        Assert.Contains("does not look like Neo4j",
            Assert.Throws<InvalidDataException>(() => Neo4jHttpClient.CommitEndpointFrom(new JsonObject { ["hello"] = "world" }, Root, "neo4j")).Message);

    [Fact]
    public void Schema_statements_come_from_the_cypher_files_in_order() =>
        Assert.Equal(
            ["CREATE CONSTRAINT ON (e:Entity) ASSERT e.key IS UNIQUE", "CREATE CONSTRAINT ON (c:Chunk) ASSERT c.id IS UNIQUE", "CREATE INDEX ON :Chunk(articleId)"],
            Neo4jSchema.Statements);

    [Fact]
    public async Task Wrong_credentials_are_reported_as_such()
    {
        var options = Support.Neo4jServer.Options();
        Assert.SkipWhen(options is null, Support.Neo4jServer.SkipReason);
        // Another user name: Neo4j locks a user out for a few seconds after failed logins.
        options!.User = "graphrag-nobody";
        options.Password = "not-the-password";
        var client = new Neo4jHttpClient(new HttpClient(), options);
        var error = await Assert.ThrowsAsync<GraphStoreUnavailableException>(() => client.RunAsync(new CypherStatement("RETURN 1"), CancellationToken.None));
        // .assets/neo4j.env outlives the server it describes: a server that is not there is a skip, not a failure.
        Assert.SkipWhen(error.Message.Contains("is unreachable"), $"{Support.Neo4jServer.SkipReason}: {error.Message}");
        Assert.Contains("refused user", error.Message);
    }
}
