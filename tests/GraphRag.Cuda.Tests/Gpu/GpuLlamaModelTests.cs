using System.Diagnostics;
using GraphRag.Cuda.Interop;
using GraphRag.Cuda.Models;
using GraphRag.Cuda.Tests.Support;
using GraphRag.Generation.Models;
using static GraphRag.Cuda.Tests.Support.LlamaFixtureChecks;

namespace GraphRag.Cuda.Tests.Gpu;

/// <summary>The whole Llama forward pass on the GPU against the generator's llama fixtures (see <see cref="LlamaFixtureChecks"/>).</summary>
[Trait("Category", "Gpu")]
public sealed class GpuLlamaModelTests
{
    [Theory]
    [InlineData("model-f32.gguf", "expected")]
    [InlineData("model-q8_0.gguf", "expected_q8_0")]
    public void PromptLogits_MatchTheFixture(string modelFile, string expectedFolder)
    {
        GpuRequirement.DeviceOrSkip();
        using var model = OnDevice(modelFile);
        PromptLogitsMatch(model, expectedFolder);
    }

    [Fact]
    public void GreedyDecode_ReproducesTheReferenceTokens_AndReportsTokensPerSecond()
    {
        GpuRequirement.DeviceOrSkip();
        using var model = OnDevice("model-f32.gguf");
        var clock = Stopwatch.StartNew();
        var generated = GreedyTokensMatch(model);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"greedy decode on {CudaRuntime.DeviceName}: {generated / clock.Elapsed.TotalSeconds:F0} tokens/s (tiny fixture model, incl. prefill)");
    }

    private static CudaLlamaModel OnDevice(string modelFile)
    {
        var loaded = ModelLoader.LoadGguf(Fixture(modelFile));
        var cpu = (LlamaModel)loaded.Model;
        return CudaLlamaModel.Upload(cpu.Config, cpu.Weights, hostWeights: loaded);
    }
}
