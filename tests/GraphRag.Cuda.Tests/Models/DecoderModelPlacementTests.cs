using GraphRag.Cuda.Models;
using GraphRag.Cuda.Tests.Support;
using GraphRag.Generation.Models;
using GraphRag.Tests;
using Microsoft.Extensions.Logging;

namespace GraphRag.Cuda.Tests.Models;

public sealed class DecoderModelPlacementTests
{
    private static string Fixture(string family, string file) => TestPaths.Repo("tests", "GraphRag.Generation.Tests", "Fixtures", family, file);

    [Fact]
    public void WithoutCuda_TheCpuModelIsKept()
    {
        using var loaded = ModelLoader.LoadGguf(Fixture("llama", "model-f32.gguf"));
        var logger = new ListLogger();

        var placed = DecoderModelPlacement.Place(loaded.Model, ComputeBackendPreference.Auto, logger,
            (out string reason) => { reason = "no CUDA device: libcuda not found"; return false; });

        Assert.Same(loaded.Model, placed);
        Assert.Contains(logger.Lines, l => l.Message.Contains("no CUDA device: libcuda not found"));
    }

    [Fact]
    public void WithCuda_AModelTheKernelsCannotRun_StaysOnTheCpuWithAWarning()
    {
        var gguf = Fixture("gpt2", "model-f32.gguf");
        Assert.SkipUnless(File.Exists(gguf), $"SKIPPED: {gguf} is absent");
        using var loaded = ModelLoader.LoadGguf(gguf);
        var logger = new ListLogger();

        var placed = DecoderModelPlacement.Place(loaded.Model, ComputeBackendPreference.Auto, logger,
            (out string reason) => { reason = "CUDA device 0 of 1: test"; return true; });

        Assert.Same(loaded.Model, placed);
        Assert.Contains(logger.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("Llama-family"));
    }
}
