using System.Text.Json;

namespace GraphRag.Web.Tests;

/// <summary>Splits a text/event-stream body into (event, JSON data) pairs, as a browser would.</summary>
public static class ServerSentEvents
{
    public sealed record Event(string Type, JsonElement Data);

    public static IReadOnlyList<Event> Parse(string body) =>
        body.ReplaceLineEndings("\n")
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(block =>
            {
                var lines = block.Split('\n');
                var type = lines.FirstOrDefault(l => l.StartsWith("event:"))?[6..].Trim() ?? "message";
                var data = string.Join('\n', lines.Where(l => l.StartsWith("data:")).Select(l => l[5..].TrimStart(' ')));
                return new Event(type, JsonDocument.Parse(data).RootElement.Clone());
            })
            .ToList();
}
