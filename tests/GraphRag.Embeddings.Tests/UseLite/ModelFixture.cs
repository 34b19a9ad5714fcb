using GraphRag.Embeddings.UseLite;
using GraphRag.Tests;

namespace GraphRag.Embeddings.Tests.UseLite;

/// <summary>Loads the USE-lite model once per test run (the model is read-only and thread-safe), or skips loudly when it has not been fetched.</summary>
public sealed class ModelFixture
{
    private static readonly Lazy<UseLiteModel?> Model = new(() =>
    {
        var directory = ModelDirectory;
        return File.Exists(Path.Combine(directory, "model.json")) ? UseLiteModel.Load(directory) : null;
    });

    public static string ModelDirectory => Path.Combine(TestPaths.AssetsRoot, "use-lite");

    public UseLiteModel ModelOrSkip()
    {
        var model = Model.Value;
        Assert.SkipWhen(model is null, $"SKIPPED: the USE-lite model is not in {ModelDirectory}; run scripts/fetch-assets.sh");
        return model!;
    }
}
