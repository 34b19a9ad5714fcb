using GraphRag.Embeddings.UseLite;
using GraphRag.Tests;

namespace GraphRag.Embeddings.Tests.UseLite;

public class UseLiteModelLoadTests
{
    [Fact]
    public void A_missing_directory_says_how_to_fetch_the_model()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => UseLiteModel.Load("/nonexistent/use-lite"));
        Assert.Contains("scripts/fetch-assets.sh", error.Message);
    }

    [Fact]
    public void A_directory_without_model_json_names_the_missing_file()
    {
        using var dir = new TempDirectory();
        var error = Assert.Throws<FileNotFoundException>(() => UseLiteModel.Load(dir.Path));
        Assert.Contains("model.json", error.Message);
    }

    [Fact]
    public void A_missing_weight_shard_is_named()
    {
        using var dir = CopyOfModelOrSkip();
        File.Delete(dir.File("group1-shard3of7"));
        var error = Assert.Throws<FileNotFoundException>(() => UseLiteModel.Load(dir.Path));
        Assert.Contains("group1-shard3of7", error.Message);
    }

    [Fact]
    public void A_truncated_shard_is_reported_as_corrupt()
    {
        using var dir = CopyOfModelOrSkip();
        var shard = dir.File("group1-shard7of7");
        using (var stream = File.OpenWrite(shard)) stream.SetLength(stream.Length - 1000);
        var error = Assert.Throws<InvalidDataException>(() => UseLiteModel.Load(dir.Path));
        Assert.Contains("model.json", error.Message);
    }

    [Fact]
    public void Model_json_that_is_not_json_is_rejected_with_its_path()
    {
        using var dir = CopyOfModelOrSkip();
        File.WriteAllText(dir.File("model.json"), "<html>not found</html>");
        var error = Assert.Throws<InvalidDataException>(() => UseLiteModel.Load(dir.Path));
        Assert.Contains(dir.File("model.json"), error.Message);
    }

    private static TempDirectory CopyOfModelOrSkip()
    {
        var source = ModelFixture.ModelDirectory;
        Assert.SkipUnless(File.Exists(Path.Combine(source, "model.json")), $"SKIPPED: the USE-lite model is not in {source}; run scripts/fetch-assets.sh");
        var dir = new TempDirectory();
        foreach (var file in Directory.GetFiles(source)) File.Copy(file, dir.File(Path.GetFileName(file)));
        return dir;
    }
}
