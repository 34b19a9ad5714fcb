using System.Text.Json.Serialization;

namespace GraphRag.Graph.Extract.Llm;

/// <summary>What a language model answered for one chunk: entities as named in it and relations between them.</summary>
public sealed record LlmExtraction(
    [property: JsonPropertyName("entities")] IReadOnlyList<LlmEntity> Entities,
    [property: JsonPropertyName("relations")] IReadOnlyList<LlmRelation> Relations)
{
    public static LlmExtraction Empty { get; } = new([], []);
}

public sealed record LlmEntity([property: JsonPropertyName("name")] string Name, [property: JsonPropertyName("type")] string? Type);

public sealed record LlmRelation(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("target")] string Target);
