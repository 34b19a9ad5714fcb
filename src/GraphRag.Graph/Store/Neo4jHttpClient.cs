using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polly;
using Polly.Retry;

namespace GraphRag.Graph.Store;

/// <summary>A Cypher statement and its parameters; statements never contain user text.</summary>
public sealed record CypherStatement(string Text, IReadOnlyDictionary<string, object?>? Parameters = null);

/// <summary>The rows of one statement's result, each row one JSON value per column.</summary>
public sealed record CypherResult(IReadOnlyList<string> Columns, IReadOnlyList<JsonElement[]> Rows);

/// <summary>
/// Talks to Neo4j's HTTP transactional Cypher endpoint: all statements of one call run in one
/// transaction. The endpoint is discovered from <c>GET /</c> (3.x: <c>/db/data/transaction/commit</c>;
/// 4.x/5.x: <c>/db/{database}/tx/commit</c>). Connection failures, timeouts, 5xx answers and Neo4j
/// "TransientError" codes are retried with exponential backoff.
/// </summary>
public sealed class Neo4jHttpClient
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http;
    private readonly Neo4jOptions _options;
    private readonly ResiliencePipeline _retry;
    private Uri? _commitEndpoint;

    public Neo4jHttpClient(HttpClient http, Neo4jOptions options)
    {
        _http = http;
        _options = options;
        _http.Timeout = options.RequestTimeout;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.User}:{options.Password}")));
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _retry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>().Handle<TransientNeo4jException>()
                    .Handle<TaskCanceledException>(),
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .Build();
    }

    /// <summary>The commit URL this server serves, found once from its discovery document.</summary>
    public async Task<Uri> DiscoverAsync(CancellationToken cancellationToken)
    {
        if (_commitEndpoint is not null)
            return _commitEndpoint;
        var root = new Uri(_options.Url.TrimEnd('/') + "/");
        var discovery = await Guard(async ct =>
        {
            using var response = await _http.GetAsync(root, ct);
            ThrowForStatus(response);
            return await response.Content.ReadFromJsonAsync<JsonObject>(Json, ct)
                ?? throw new InvalidDataException($"{root}: empty discovery document");
        }, cancellationToken);
        _commitEndpoint = CommitEndpointFrom(discovery, root, _options.Database);
        return _commitEndpoint;
    }

    /// <summary>Neo4j 4.x/5.x name a transaction template; 3.x a data URL.</summary>
    public static Uri CommitEndpointFrom(JsonObject discovery, Uri root, string database)
    {
        if (discovery["transaction"]?.GetValue<string>() is { } template)
            return new Uri(root, template.Replace("{databaseName}", Uri.EscapeDataString(database)).TrimEnd('/') + "/commit");
        if (discovery["data"]?.GetValue<string>() is { } data)
            return new Uri(new Uri(root, data.TrimEnd('/') + "/"), "transaction/commit");
        throw new InvalidDataException($"{root} does not look like Neo4j: its discovery document has neither \"transaction\" nor \"data\".");
    }

    /// <summary>Runs the statements in one transaction and returns one result per statement.</summary>
    public async Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken)
    {
        var endpoint = await DiscoverAsync(cancellationToken);
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            statements = statements.Select(s => new { statement = s.Text, parameters = s.Parameters ?? new Dictionary<string, object?>() }),
        }, Json);
        return await Guard(async ct =>
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await _http.PostAsync(endpoint, content, ct);
            ThrowForStatus(response);
            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
            ThrowForErrors(document.RootElement);
            return ReadResults(document.RootElement);
        }, cancellationToken);
    }

    public async Task<CypherResult> RunAsync(CypherStatement statement, CancellationToken cancellationToken) =>
        (await RunAsync([statement], cancellationToken))[0];

    private async Task<T> Guard<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await _retry.ExecuteAsync(async ct => await call(ct), cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TransientNeo4jException
                                   || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new GraphStoreUnavailableException(
                $"Neo4j at {_options.Url} is unreachable ({ex.Message}); start it with scripts/neo4j.sh start, then run `graph sync`.", ex);
        }
    }

    private void ThrowForStatus(HttpResponseMessage response)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            throw new GraphStoreUnavailableException(
                $"Neo4j at {_options.Url} refused user \"{_options.User}\" ({(int)response.StatusCode}): check GraphRag:Graph:Neo4j:Password (scripts/neo4j.sh writes it to .assets/neo4j.env).");
        if ((int)response.StatusCode >= 500)
            throw new HttpRequestException($"Neo4j answered {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Neo4j at {_options.Url} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
    }

    private static void ThrowForErrors(JsonElement root)
    {
        if (!root.TryGetProperty("errors", out var errors) || errors.GetArrayLength() == 0)
            return;
        var first = errors[0];
        var code = first.GetProperty("code").GetString() ?? "";
        var message = first.GetProperty("message").GetString() ?? "";
        if (code.StartsWith("Neo.TransientError", StringComparison.Ordinal))
            throw new TransientNeo4jException($"{code}: {message}");
        throw new Neo4jQueryException(code, message);
    }

    private static List<CypherResult> ReadResults(JsonElement root)
    {
        var results = new List<CypherResult>();
        foreach (var result in root.GetProperty("results").EnumerateArray())
        {
            var columns = result.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
            var rows = result.GetProperty("data").EnumerateArray()
                .Select(d => d.GetProperty("row").EnumerateArray().Select(v => v.Clone()).ToArray())
                .ToList();
            results.Add(new CypherResult(columns, rows));
        }
        return results;
    }
}

/// <summary>A failure Neo4j says may succeed if retried (deadlock, leader switch, …).</summary>
public sealed class TransientNeo4jException(string message) : Exception(message);

/// <summary>Neo4j rejected a statement; <see cref="Code"/> is its status code (e.g. Neo.ClientError.Statement.SyntaxError).</summary>
public sealed class Neo4jQueryException(string code, string message) : Exception($"Neo4j {code}: {message}")
{
    public string Code { get; } = code;
}
