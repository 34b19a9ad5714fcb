using GraphRag.Graph.Store;
using GraphRag.Ingest;
using System.Text.Json;
using GraphRag.Retrieve;
using GraphRag.Store;
using GraphRag.Web.Ingestion;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GraphRag.Web.Hosting;

/// <summary>
/// Turns exceptions into JSON problem details whose message says what was wrong: bad input is a
/// 400 with the library's own message (a body that is not JSON says where it broke), a path the
/// server may not ingest a 403, a search mode this server cannot offer, a busy database or an
/// unreachable graph store a 503, too many ingestion jobs a 429, the rest a 500.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>nginx's "client closed request": logged, never seen by the client that left.</summary>
    public const int ClientClosedRequest = 499;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            httpContext.Response.StatusCode = ClientClosedRequest;
            return true;
        }
        var (status, title) = Classify(exception);
        if (status == StatusCodes.Status500InternalServerError)
            logger.LogError(exception, "Request {Path} failed", httpContext.Request.Path);
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = status,
                Title = title,
                Detail = Detail(status, exception),
            },
        });
    }

    public static (int Status, string Title) Classify(Exception exception) => exception switch
    {
        BadHttpRequestException bad => (bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request too large" : "Bad request"),
        QueryException => (StatusCodes.Status400BadRequest, "Query cannot be searched"),
        // A mode this server knows but cannot offer (no encoder, no vectors yet) is the server's state, not a bad request.
        UnavailableModeException off when RetrievalModeNames.All.Contains(off.Mode, StringComparer.OrdinalIgnoreCase) =>
            (StatusCodes.Status503ServiceUnavailable, "Search mode unavailable"),
        IngestRefusedException => (StatusCodes.Status403Forbidden, "Not allowed"),
        TooManyJobsException => (StatusCodes.Status429TooManyRequests, "Too many ingestion jobs"),
        DatabaseBusyException => (StatusCodes.Status503ServiceUnavailable, "Database busy"),
        IngestionException or InvalidDataException => (StatusCodes.Status400BadRequest, "Cannot ingest"),
        ArgumentException or FormatException => (StatusCodes.Status400BadRequest, "Bad request"),
        FileNotFoundException or DirectoryNotFoundException => (StatusCodes.Status404NotFound, "Not found"),
        GraphStoreUnavailableException => (StatusCodes.Status503ServiceUnavailable, "Graph store unavailable"),
        _ => (StatusCodes.Status500InternalServerError, "Server error"),
    };

    private static string Detail(int status, Exception exception) => exception switch
    {
        BadHttpRequestException { InnerException: JsonException json } => $"The request body is not valid JSON: {json.Message}",
        GraphStoreUnavailableException or DatabaseBusyException or UnavailableModeException => exception.Message,
        _ when status >= 500 => $"Unexpected failure ({exception.GetType().Name}): {exception.Message}",
        _ => exception.Message,
    };
}
