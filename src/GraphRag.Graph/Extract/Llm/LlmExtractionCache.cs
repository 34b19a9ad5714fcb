using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using GraphRag.Store;

namespace GraphRag.Graph.Extract.Llm;

/// <summary>
/// The llm_extractions table: one parsed answer per (chunk text, model), so that re-ingesting text
/// that did not change, or the same paragraph in another article, never asks the model again.
/// </summary>
public sealed class LlmExtractionCache(GraphRagDatabase database)
{
    public static string HashOf(string chunkText) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(chunkText)));

    public LlmExtraction? Find(string chunkHash, string model)
    {
        using var connection = database.Open();
        var json = connection.QuerySingleOrDefault<string>(
            "SELECT response FROM llm_extractions WHERE chunk_hash = $chunkHash AND model = $model", new { chunkHash, model });
        return json is null ? null : JsonSerializer.Deserialize<LlmExtraction>(json);
    }

    public void Store(string chunkHash, string model, LlmExtraction extraction)
    {
        using var write = database.BeginWrite();
        write.Execute("""
            INSERT INTO llm_extractions (chunk_hash, model, response, created_at) VALUES ($chunkHash, $model, $response, $at)
            ON CONFLICT (chunk_hash, model) DO UPDATE SET response = excluded.response, created_at = excluded.created_at
            """, new { chunkHash, model, response = JsonSerializer.Serialize(extraction), at = DateTimeOffset.UtcNow.ToString("O") });
        write.Commit();
    }
}
