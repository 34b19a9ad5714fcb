using GraphRag.Embeddings;
using GraphRag.Tests;

namespace GraphRag.Graph.Tests.Support;

/// <summary>The sentence encoder the app registers today (USE lite, fetched by scripts/fetch-assets.sh), loaded once.</summary>
public static class Encoder
{
    private static readonly Lazy<UseLiteEmbeddingGenerator> Shared = new(() =>
        new UseLiteEmbeddingGenerator(new UseLiteOptions { ModelDirectory = Path.Combine(TestPaths.AssetsRoot, "use-lite") }));

    public static UseLiteEmbeddingGenerator UseLite
    {
        get
        {
            Assert.SkipUnless(File.Exists(Path.Combine(TestPaths.AssetsRoot, "use-lite", "model.json")),
                $"SKIPPED: the sentence encoder is not in {TestPaths.AssetsRoot}/use-lite; run scripts/fetch-assets.sh");
            return Shared.Value;
        }
    }
}
