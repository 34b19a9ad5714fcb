using System.Text.Json;
using System.Text.Json.Serialization;
using ModelContextProtocol;

namespace GraphRag.Agents;

/// <summary>How tool results are written for a model: camelCase, enums by name ("TimesMore"), as the HTTP API writes them.</summary>
internal static class AgentJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(McpJsonUtilities.DefaultOptions);
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly();
        return options;
    }
}
