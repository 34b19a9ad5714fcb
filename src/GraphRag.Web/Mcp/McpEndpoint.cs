using GraphRag.Agents.Mcp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.AspNetCore;

namespace GraphRag.Web.Mcp;

/// <summary>
/// The notes' MCP server (the same tools and resources as <c>graphrag mcp</c>) over Streamable HTTP at
/// /api/mcp. Being under /api, it is held to the API's rules by the same middleware: the X-Api-Key header
/// when a key is set, loopback-only binding without one, loopback host names only, and no POST from a page
/// of another origin. Stateless: every request stands alone, and nothing is kept between requests.
/// </summary>
public static class McpEndpoint
{
    public const string Path = "/mcp";

    public static void AddServices(IServiceCollection services) =>
        services.AddGraphRagMcpServer().WithHttpTransport(http => http.SessionMode = HttpServerSessionMode.Stateless);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapMcp(Path).ExcludeFromDescription();
        // Stateless, it has no event stream to GET and no session to DELETE: the protocol asks for a 405
        // then, where the API's catch-all would answer 404.
        api.MapMethods(Path, [HttpMethods.Get, HttpMethods.Delete], (HttpContext context) =>
            {
                context.Response.Headers.Allow = HttpMethods.Post;
                return TypedResults.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, title: "Method not allowed",
                    detail: $"{context.Request.Method} is not served here: MCP clients send JSON-RPC requests to /api{Path} by POST.");
            })
            .ExcludeFromDescription();
    }
}
