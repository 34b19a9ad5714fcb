using System.Text.Json;
using GraphRag.Graph.Store;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace GraphRag.Agents.Mcp;

/// <summary>
/// Failures the caller can act on (a query with no words, an unknown mode, article or entity, a value out
/// of range, an unreachable graph server) reach the client as a tool error carrying their message; the SDK
/// reports anything else as a bare "an error occurred", so internals do not leak.
/// </summary>
internal static class ToolErrors
{
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> WithClearMessages(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (request, cancellationToken) =>
        {
            try
            {
                return await next(request, cancellationToken);
            }
            catch (Exception e) when (e is ArgumentException or JsonException or GraphStoreUnavailableException)
            {
                throw new McpException(e.Message, e);
            }
        };
}
