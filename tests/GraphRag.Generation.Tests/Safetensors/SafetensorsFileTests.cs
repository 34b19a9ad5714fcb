using GraphRag.Generation.Models;
using GraphRag.Generation.Safetensors;
using GraphRag.Tests;

namespace GraphRag.Generation.Tests.Safetensors;

public sealed class SafetensorsFileTests
{
    [Fact]
    public void Reads_the_fixture_header_as_documented()
    {
        // Fixtures/llama/README.md: 21 F32 tensors, lm_head [512, 64], k_proj [32, 64].
        using var file = SafetensorsFile.Open(Fixtures.Path("llama", "hf", "model.safetensors"));
        Assert.Equal(21, file.Tensors.Count);
        Assert.Equal([512L, 64L], file.GetTensor("lm_head.weight").Shape);
        Assert.Equal([32L, 64L], file.GetTensor("model.layers.0.self_attn.k_proj.weight").Shape);
        Assert.Equal(64, file.ReadFloats("model.norm.weight").Length);
    }

    [Fact]
    public void A_truncated_file_is_reported_with_its_path()
    {
        using var dir = new TempDirectory();
        var path = dir.File("model.safetensors");
        File.WriteAllBytes(path, File.ReadAllBytes(Fixtures.Path("llama", "hf", "model.safetensors"))[..100_000]);
        var error = Assert.Throws<InvalidDataException>(() => SafetensorsFile.Open(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void A_model_without_config_json_says_what_is_missing()
    {
        using var dir = new TempDirectory();
        var path = dir.File("model.safetensors");
        File.Copy(Fixtures.Path("llama", "hf", "model.safetensors"), path);
        var error = Assert.Throws<FileNotFoundException>(() => ModelLoader.Load(path));
        Assert.Contains("config.json", error.Message);
    }
}
