using Dapper;
using GraphRag.Generation;
using GraphRag.Generation.Clients;
using GraphRag.Graph.Extract;
using GraphRag.Graph.Extract.Llm;
using GraphRag.Graph.Model;
using GraphRag.Graph.Tests.Support;

namespace GraphRag.Graph.Tests.Extract.Llm;

/// <summary>LLM extraction through the real OpenAI-compatible client against a scripted in-process server.</summary>
public sealed class LlmGraphExtractorTests
{
    private const string Text = "Erich Schubert shows that BIC often outperforms other methods. Spotify relies on collaborative filtering for playlists.";

    // What the scripted model answers: one entity the offline extractor also finds (BIC), one it does
    // not (playlists), one named nowhere in the text, a stated relation, one between an entity and a
    // name not in the text, and one of a type outside the schema.
    private const string Answer = """
        Sure! ```json
        {"entities":[{"name":"BIC","type":"metric"},{"name":"playlists","type":"concept"},{"name":"Netflix","type":"organization"},{"name":"Spotify","type":"organization"}],
         "relations":[{"source":"Spotify","type":"uses","target":"playlists"},{"source":"BIC","type":"outperforms","target":"Netflix"},{"source":"Spotify","type":"likes","target":"BIC"}]}
        ```
        """;

    private static LlmGraphExtractor Extractor(ScriptedChatServer server, GraphDatabase db) =>
        new(GeneratorChatClients.OpenAiCompatible(new GeneratorOptions { Endpoint = server.Endpoint, EndpointModel = "scripted" }),
            new LlmExtractionCache(db.Database), "scripted");

    private static ArticleInput Article => new(1, Text, null, [new ChunkSpan(0, 0, Text.Length)]);

    [Fact]
    public async Task The_model_adds_entities_and_stated_relations_found_in_the_text_with_provenance_and_is_asked_once_per_chunk()
    {
        using var db = new GraphDatabase();
        using var server = new ScriptedChatServer(prompt => (200, prompt.Contains("Spotify relies") ? Answer : "{}"));
        var offline = English.Extractor().Extract(Article, NoKnownEntities.Instance);
        var llm = Extractor(server, db);

        var merged = await llm.ExtendAsync(Article, offline, TestContext.Current.CancellationToken);

        Assert.Equal(1, server.Requests);
        // Offline mentions are kept as they were; the model's new entity is mentioned where the text names it.
        Assert.All(offline.Mentions, m => Assert.Contains(m, merged.Mentions));
        var playlists = Assert.Single(merged.Mentions, m => m.EntityKey == "playlist");
        Assert.Equal(("playlists", "llm:scripted"), (Text[playlists.StartOffset..playlists.EndOffset], playlists.Source));
        Assert.DoesNotContain(merged.Entities, e => e.Key == "netflix");
        var uses = Assert.Single(merged.Relations, r => r.Type == RelationTypes.Uses && r.TargetKey == "playlist");
        Assert.Equal("spotify", uses.SourceKey);
        var evidence = Assert.Single(uses.Evidence);
        Assert.Equal(("Spotify relies on collaborative filtering for playlists.", "llm:scripted"), (evidence.Text, evidence.Source));
        Assert.DoesNotContain(merged.Relations, r => r.TargetKey == "netflix" || r.Type == "likes");

        // The same chunk again (another article, a re-ingest): answered from the cache, no request.
        var again = await llm.ExtendAsync(Article, offline, TestContext.Current.CancellationToken);
        Assert.Equal(1, server.Requests);
        Assert.Equal(merged.Mentions, again.Mentions);
        using var connection = db.Database.Open();
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT count(*) FROM llm_extractions WHERE model = 'scripted'"));
    }

    [Theory]
    [InlineData(500, "model crashed")]
    [InlineData(200, "I cannot help with that.")]
    [InlineData(200, "{\"entities\": [oops")]
    public async Task A_failing_or_rambling_model_leaves_the_offline_graph_as_it_was_and_caches_nothing(int status, string content)
    {
        using var db = new GraphDatabase();
        using var server = new ScriptedChatServer(_ => (status, content));
        var offline = English.Extractor().Extract(Article, NoKnownEntities.Instance);

        var merged = await Extractor(server, db).ExtendAsync(Article, offline, TestContext.Current.CancellationToken);

        Assert.True(server.Requests >= 1);
        Assert.Equal(offline.Entities, merged.Entities);
        Assert.Equal(offline.Mentions, merged.Mentions);
        Assert.Equal(offline.Relations.Select(r => (r.SourceKey, r.TargetKey, r.Type)), merged.Relations.Select(r => (r.SourceKey, r.TargetKey, r.Type)));
        using var connection = db.Database.Open();
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT count(*) FROM llm_extractions"));
    }
}
