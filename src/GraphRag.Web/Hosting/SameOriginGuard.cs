using Microsoft.AspNetCore.Http;

namespace GraphRag.Web.Hosting;

/// <summary>
/// Refuses state-changing requests that a browser sent from another site. A page elsewhere can
/// post a form to 127.0.0.1 (a "simple" cross-origin request needs no CORS consent), so a POST whose
/// Origin header names a different host is turned away. Clients that send no Origin (curl, scripts)
/// are not browsers acting for another site, and pass.
/// </summary>
public sealed class SameOriginGuard(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
            return next(context);
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0 || IsSameOrigin(origin, request))
            return next(context);
        return Results.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Cross-site request refused",
            detail: $"A page at {origin} may not send {request.Method} requests to this server.").ExecuteAsync(context);
    }

    private static bool IsSameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase);
}
