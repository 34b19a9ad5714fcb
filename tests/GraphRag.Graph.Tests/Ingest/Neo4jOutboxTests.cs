using Dapper;
using GraphRag.Graph.Store;
using GraphRag.Graph.Tests.Store;
using GraphRag.Graph.Tests.Support;

namespace GraphRag.Graph.Tests.Ingest;

/// <summary>
/// With the Neo4j store, ingestion queues graph writes in SQLite and the finalizer applies them;
/// when the server is down the writes wait, and `graph sync` completes the graph later. This test
/// stops and restarts the local server with scripts/neo4j.sh.
/// </summary>
[Collection(Neo4jCollection.Name)]
public sealed class Neo4jOutboxTests
{
    [Fact]
    public async Task A_server_stopped_mid_ingest_ends_with_the_complete_graph_after_sync()
    {
        var neo4j = await Neo4jServer.EmptyStoreOrSkipAsync();
        using var host = new GraphHost(new GraphHost.Neo4j(Neo4jServer.Options()!));
        var embedded = host.Get<EmbeddedGraphStore>();

        await host.IngestAsync("ranking.md", Notes.Ranking);
        Assert.Equal(0, Pending(host));
        Assert.Equal(GraphStoreContract.Canonical(await embedded.LoadSnapshotAsync()), GraphStoreContract.Canonical(await neo4j.LoadSnapshotAsync()));

        Neo4jServer.Script("stop");
        try
        {
            var summary = await host.IngestAsync("graphs.md", Notes.Graphs);
            Assert.Equal(0, summary.Failed);
            await host.IngestAsync("ranking.md", Notes.Ranking.Replace("Spotify and Netflix", "Deezer and Netflix"));
            Assert.Equal(2, Pending(host));
            var whileDown = await host.Get<IGraphMirror>().SyncAsync(everything: false, null, CancellationToken.None);
            Assert.Equal((0, 2), (whileDown.Applied, whileDown.Pending));
            Assert.Contains("unreachable", whileDown.Problem);
        }
        finally
        {
            Neo4jServer.Script("start");
        }

        var result = await host.Get<IGraphMirror>().SyncAsync(everything: false, null, CancellationToken.None);
        Assert.Equal((2, 0, null), (result.Applied, result.Pending, result.Problem));
        var expected = GraphStoreContract.Canonical(await embedded.LoadSnapshotAsync());
        Assert.Contains("deezer", expected);
        Assert.DoesNotContain("spotify", expected);
        Assert.Equal(expected, GraphStoreContract.Canonical(await neo4j.LoadSnapshotAsync()));
    }

    private static int Pending(GraphHost host)
    {
        using var connection = host.Database.Open();
        return connection.ExecuteScalar<int>("SELECT count(*) FROM graph_outbox");
    }
}
