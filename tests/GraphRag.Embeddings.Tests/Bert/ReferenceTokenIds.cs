using System.Text.Json;
using GraphRag.Tests;

namespace GraphRag.Embeddings.Tests.Bert;

/// <summary>
/// Fixtures/bert-tokenizer/reference-ids.json: the ids Hugging Face's Tokenizers.js gives each parity text
/// (see the fixture's README and make-reference.mjs for how it was produced).
/// </summary>
public static class ReferenceTokenIds
{
    public static IReadOnlyList<(string Text, int[] Ids)> Items { get; } = Load();

    public static TheoryData<int> Indices => new(Enumerable.Range(0, Items.Count));

    private static List<(string, int[])> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "bert-tokenizer", "reference-ids.json");
        if (!File.Exists(path)) path = TestPaths.Repo("tests", "GraphRag.Embeddings.Tests", "Fixtures", "bert-tokenizer", "reference-ids.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.GetProperty("items").EnumerateArray()
            .Select(e => (e.GetProperty("text").GetString()!, e.GetProperty("ids").EnumerateArray().Select(i => i.GetInt32()).ToArray()))
            .ToList();
    }
}
