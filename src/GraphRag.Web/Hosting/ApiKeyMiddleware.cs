using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace GraphRag.Web.Hosting;

/// <summary>
/// Requires the configured key in the X-Api-Key header on /api and /openapi. The page itself is
/// served without it: it holds no data, and asks for the key when the API answers 401.
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, WebAppOptions options)
{
    public const string Header = "X-Api-Key";

    private readonly byte[]? _expected = string.IsNullOrEmpty(options.ApiKey) ? null : Encoding.UTF8.GetBytes(options.ApiKey);

    public Task InvokeAsync(HttpContext context)
    {
        if (_expected is null || !IsProtected(context.Request.Path))
            return next(context);
        var given = context.Request.Headers[Header].ToString();
        // Fixed-time comparison: the time taken says nothing about how much of the key was right.
        if (given.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), _expected))
            return next(context);
        return Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "API key required",
            detail: given.Length == 0
                ? $"This server requires an API key: send it in the {Header} header."
                : $"The {Header} header does not match this server's API key.").ExecuteAsync(context);
    }

    private static bool IsProtected(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/reports");
}
