using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ModelContextProtocol;

namespace GraphRag.Agents;

/// <summary>
/// How tool results are written for a model: camelCase and enums by name ("TimesMore"), as the HTTP API
/// writes them, and the notes' characters as they are ("—", "“"), not as \u escapes a model must decode.
/// The JSON goes to a model, never into a page, so nothing needs escaping for HTML.
/// </summary>
internal static class AgentJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(McpJsonUtilities.DefaultOptions) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly();
        return options;
    }
}
