using GraphRag.Graph.Store;
using GraphRag.Ingest;
using GraphRag.Retrieve;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GraphRag.Web.Hosting;

/// <summary>
/// Turns exceptions into JSON problem details whose message says what was wrong: bad input is a
/// 400 with the library's own message, an unreachable graph store a 503, the rest a 500.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>nginx's "client closed request": logged, never seen by the client that left.</summary>
    public const int ClientClosedRequest = 499;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            context.Response.StatusCode = ClientClosedRequest;
            return true;
        }
        var (status, title) = Classify(exception);
        if (status >= 500)
            logger.LogError(exception, "Request {Path} failed", context.Request.Path);
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = status,
                Title = title,
                Detail = status >= 500 && exception is not GraphStoreUnavailableException
                    ? $"Unexpected failure ({exception.GetType().Name}): {exception.Message}"
                    : exception.Message,
            },
        });
    }

    public static (int Status, string Title) Classify(Exception exception) => exception switch
    {
        BadHttpRequestException bad => (bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request too large" : "Bad request"),
        QueryException => (StatusCodes.Status400BadRequest, "Query cannot be searched"),
        IngestionException or InvalidDataException => (StatusCodes.Status400BadRequest, "Cannot ingest"),
        ArgumentException or FormatException => (StatusCodes.Status400BadRequest, "Bad request"),
        FileNotFoundException or DirectoryNotFoundException => (StatusCodes.Status404NotFound, "Not found"),
        GraphStoreUnavailableException => (StatusCodes.Status503ServiceUnavailable, "Graph store unavailable"),
        _ => (StatusCodes.Status500InternalServerError, "Server error"),
    };
}
