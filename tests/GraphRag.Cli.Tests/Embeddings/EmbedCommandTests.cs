using System.Text.Json;
using GraphRag.Tests;

namespace GraphRag.Cli.Tests.Embeddings;

public sealed class EmbedCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Json_output_is_one_unit_vector_of_512_per_text_matching_the_reference()
    {
        var model = Path.Combine(TestPaths.AssetsRoot, "use-lite");
        Assert.SkipUnless(File.Exists(Path.Combine(model, "model.json")), $"SKIPPED: the USE-lite model is not in {model}; run scripts/fetch-assets.sh");
        var environment = new Dictionary<string, string>
        {
            ["GRAPHRAG_GraphRag__Embeddings__Enabled"] = "true",
            ["GRAPHRAG_GraphRag__Embeddings__Encoder"] = "use-lite",
            ["GRAPHRAG_GraphRag__Embeddings__ModelDirectory"] = model,
        };

        var result = await CliProcess.RunAsync(_dir.Path, environment, "embed", "How do I reset my password?", "The weather is sunny today", "--json");

        Assert.True(result.ExitCode == 0, result.Output);
        using var json = JsonDocument.Parse(result.Stdout);
        var items = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(2, items.Length);
        Assert.Equal("How do I reset my password?", items[0].GetProperty("text").GetString());
        var vector = items[0].GetProperty("embedding").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(512, vector.Length);
        Assert.Equal(1.0, Math.Sqrt(vector.Sum(x => x * x)), 5);
        // First components of this text in ../shared/reference/use-lite/expected-embeddings.json (TF.js, item 0).
        double[] reference = [-0.048459071666002274, -0.054572559893131256, 0.0402262806892395, -0.05393816903233528];
        for (var i = 0; i < reference.Length; i++)
            Assert.Equal(reference[i], vector[i], 1e-5);
    }

    [Fact]
    public async Task The_default_encoder_is_arctic_embed_xs_with_384_dimensional_unit_vectors()
    {
        var environment = new Dictionary<string, string> { ["GRAPHRAG_GraphRag__Embeddings__Enabled"] = "true" };

        var result = await CliProcess.RunAsync(_dir.Path, environment, "embed", "ranking metrics", "NDCG discounts gains by rank", "a recipe for bread");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("model: arctic-embed-xs@sha256:", result.Stdout);
        Assert.Contains("│ 384  │", result.Stdout);
        var json = await CliProcess.RunAsync(_dir.Path, environment, "embed", "ranking metrics", "NDCG discounts gains by rank", "a recipe for bread", "--json");
        var vectors = JsonDocument.Parse(json.Stdout).RootElement.EnumerateArray()
            .Select(item => item.GetProperty("embedding").EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        Assert.All(vectors, v => Assert.Equal(1.0, Math.Sqrt(v.Sum(x => x * x)), 5));
        double Cosine(int a, int b) => vectors[a].Zip(vectors[b], (x, y) => x * y).Sum();
        // A related pair is closer than an unrelated one: the encoder's meaning, not its bytes.
        Assert.True(Cosine(0, 1) > Cosine(0, 2), $"cos(ranking, NDCG) = {Cosine(0, 1):F3}, cos(ranking, bread) = {Cosine(0, 2):F3}");
    }

    [Fact]
    public async Task With_the_encoder_off_it_says_why_in_one_line()
    {
        var result = await CliProcess.RunAsync(_dir.Path, "embed", "hello");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("sentence encoder is off", result.Stderr);
        Assert.Contains("Enabled is false", result.Stderr);
        Assert.DoesNotContain("   at ", result.Output);
    }
}
