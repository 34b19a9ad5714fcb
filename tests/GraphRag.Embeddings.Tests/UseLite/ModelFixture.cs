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

    /// <summary>Each reference text embedded on its own (one thread), computed once and shared by the tests that compare with it.</summary>
    private static readonly Lazy<float[][]> Singles = new(() =>
        ReferenceEmbeddings.Items.Select(item => Model.Value!.Embed([item.Text], maxDegreeOfParallelism: 1)[0]).ToArray());

    public float[][] SingleEmbeddingsOrSkip()
    {
        ModelOrSkip();
        return Singles.Value;
    }

    public static string ModelDirectory => Path.Combine(TestPaths.AssetsRoot, "use-lite");

    public UseLiteModel ModelOrSkip()
    {
        var model = Model.Value;
        Assert.SkipWhen(model is null, $"SKIPPED: the USE-lite model is not in {ModelDirectory}; run scripts/fetch-assets.sh");
        return model!;
    }
}
