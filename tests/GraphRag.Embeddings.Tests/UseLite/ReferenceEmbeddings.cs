using System.Text.Json;

namespace GraphRag.Embeddings.Tests.UseLite;

/// <summary>
/// Fixtures/use-lite/expected-embeddings.json: 40 texts embedded by the original TF.js runtime
/// (@energetic-ai/embeddings 0.2.0 on Node 20; copied from ../shared/reference/use-lite, see its README.md).
/// </summary>
public static class ReferenceEmbeddings
{
    public sealed record Item(string Text, float[] Embedding);

    private static readonly Lazy<(Item[] Items, float[][] BatchFirst5)> Data = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "use-lite", "expected-embeddings.json")));
        var items = document.RootElement.GetProperty("items").EnumerateArray()
            .Select(e => new Item(e.GetProperty("text").GetString()!, Vector(e.GetProperty("embedding"))))
            .ToArray();
        var batch = document.RootElement.GetProperty("batch_first5").EnumerateArray().Select(Vector).ToArray();
        return (items, batch);
    });

    public static Item[] Items => Data.Value.Items;

    public static float[][] BatchFirst5 => Data.Value.BatchFirst5;

    public static TheoryData<int> Indices => [.. Enumerable.Range(0, 40)];

    public static double MaxAbsDiff(float[] a, float[] b)
    {
        Assert.Equal(a.Length, b.Length);
        return a.Zip(b, (x, y) => (double)Math.Abs(x - y)).Max();
    }

    private static float[] Vector(JsonElement array) => array.EnumerateArray().Select(v => v.GetSingle()).ToArray();
}
