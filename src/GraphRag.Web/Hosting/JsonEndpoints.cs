using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace GraphRag.Web.Hosting;

/// <summary>
/// Routing passes over an endpoint whose body type a request does not declare, and the request
/// would end at the catch-all as "no API endpoint": this finds the endpoint it was meant for, so
/// the answer can say which Content-Type to send instead.
/// </summary>
public static class JsonEndpoints
{
    /// <returns>The content types the endpoint at the request's path and method accepts; null when there is none.</returns>
    public static IReadOnlyList<string>? Accepting(EndpointDataSource endpoints, HttpRequest request)
    {
        var path = request.Path.Value?.TrimEnd('/') ?? "";
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>();
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            if (accepts is null || methods is null || !methods.Contains(request.Method, StringComparer.OrdinalIgnoreCase))
                continue;
            if (string.Equals(Literal(endpoint), path, StringComparison.OrdinalIgnoreCase))
                return accepts.ContentTypes;
        }
        return null;
    }

    /// <summary>The route as a plain path when it has no parameters (every JSON endpoint here); null otherwise.</summary>
    private static string? Literal(RouteEndpoint endpoint)
    {
        var pattern = endpoint.RoutePattern;
        if (pattern.Parameters.Count > 0)
            return null;
        return "/" + string.Join('/', pattern.PathSegments.Select(s => string.Concat(s.Parts.OfType<Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart>().Select(p => p.Content))));
    }
}
