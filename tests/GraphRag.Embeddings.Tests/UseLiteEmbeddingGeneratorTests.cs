using GraphRag.Embeddings.Tests.UseLite;
using GraphRag.Embeddings.UseLite;
using Microsoft.Extensions.AI;

namespace GraphRag.Embeddings.Tests;

public class UseLiteEmbeddingGeneratorTests(ModelFixture fixture) : IClassFixture<ModelFixture>
{
    [Fact]
    public async Task Small_batches_give_the_same_vectors_as_the_model_in_one_call()
    {
        var model = fixture.ModelOrSkip();
        var texts = ReferenceEmbeddings.Items.Take(7).Select(i => i.Text).ToArray();
        using var generator = new UseLiteEmbeddingGenerator(model, batchSize: 3);

        var embeddings = await generator.GenerateAsync(texts, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(texts.Length, embeddings.Count);
        var direct = model.Embed(texts);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(UseLiteEmbeddingGenerator.ModelId, embeddings[i].ModelId);
            Assert.True(ReferenceEmbeddings.MaxAbsDiff(embeddings[i].Vector.ToArray(), direct[i]) <= 1e-6);
        }
    }

    [Fact]
    public async Task Asking_for_another_dimension_is_refused()
    {
        var model = fixture.ModelOrSkip();
        using var generator = new UseLiteEmbeddingGenerator(model);
        await Assert.ThrowsAsync<NotSupportedException>(() =>
            generator.GenerateAsync(["x"], new EmbeddingGenerationOptions { Dimensions = 256 }, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Metadata_is_available_without_the_model_and_a_missing_model_fails_on_first_use()
    {
        using var generator = new UseLiteEmbeddingGenerator(new UseLiteOptions { ModelDirectory = "/nonexistent/use-lite" });

        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();
        Assert.Equal(UseLiteEmbeddingGenerator.ModelId, metadata?.DefaultModelId);
        Assert.Equal(512, metadata?.DefaultModelDimensions);

        var error = await Assert.ThrowsAsync<DirectoryNotFoundException>(() =>
            generator.GenerateAsync(["hello"], cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("scripts/fetch-assets.sh", error.Message);
    }

    [Fact]
    public void Bad_settings_are_rejected_with_the_key_to_change()
    {
        var error = Assert.Throws<ArgumentException>(() => new UseLiteEmbeddingGenerator(new UseLiteOptions
        {
            ModelDirectory = "/nonexistent/use-lite",
            BatchSize = 0,
        }));
        Assert.Contains("BatchSize", error.Message);
    }

    [Fact]
    public void A_relative_model_directory_is_found_above_the_working_directory()
    {
        using var root = new GraphRag.Tests.TempDirectory();
        var model = Directory.CreateDirectory(Path.Combine(root.Path, ".assets", "use-lite")).FullName;
        var nested = Directory.CreateDirectory(Path.Combine(root.Path, "a", "b")).FullName;
        var previous = Directory.GetCurrentDirectory();
        try
        {
            Directory.SetCurrentDirectory(nested);
            Assert.Equal(model, new UseLiteOptions { ModelDirectory = ".assets/use-lite" }.ResolveModelDirectory());
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }
}
