using GraphRag.Cuda.Emulation;
using GraphRag.Cuda.Models;
using GraphRag.Cuda.Tests.Support;
using GraphRag.Generation.Models;
using static GraphRag.Cuda.Tests.Support.LlamaFixtureChecks;

namespace GraphRag.Cuda.Tests.Models;

/// <summary>
/// The GPU model's forward pass (buffer views, KV-cache slots, RoPE positions, the prefill/decode switch) run with
/// <see cref="EmulatedDeviceKernels"/> against the generator's llama fixtures (see <see cref="LlamaFixtureChecks"/>).
/// </summary>
public sealed class CudaLlamaModelEmulationTests
{
    [Theory]
    [InlineData("model-f32.gguf", "expected")]
    [InlineData("model-q8_0.gguf", "expected_q8_0")]  // the dequantized-weight reference: Q8_0 times float activations
    public void PromptLogits_MatchTheFixture(string modelFile, string expectedFolder)
    {
        using var model = Emulated(modelFile);
        PromptLogitsMatch(model, expectedFolder);
    }

    [Fact]
    public void ChunkedPrefill_ContinuesTheCache()
    {
        // 17 tokens, then the remaining 23 at positions 17..39: the second call's queries sit below the diagonal.
        using var model = Emulated("model-f32.gguf");
        var prompt = Prompts()[2];
        var vocab = model.Config.VocabSize;
        using var session = model.CreateSession();
        session.Forward(prompt.AsSpan(0, 17), new float[17 * vocab], allPositions: true);
        var logits = new float[(prompt.Length - 17) * vocab];
        session.Forward(prompt.AsSpan(17), logits, allPositions: true);

        Assert.True(ReferenceAttention.MaxAbsDifference(logits, ExpectedLogits("expected", 2).AsSpan(17 * vocab)) <= LogitTolerance);
    }

    [Fact]
    public void GreedyDecode_ReproducesTheReferenceTokens()
    {
        using var model = Emulated("model-f32.gguf");  // single-token steps take the split-K decode path
        Assert.Equal(3 * 32, GreedyTokensMatch(model));
    }

    private static CudaLlamaModel Emulated(string modelFile)
    {
        var loaded = ModelLoader.LoadGguf(Fixture(modelFile));
        var cpu = (LlamaModel)loaded.Model;
        return CudaLlamaModel.Upload(cpu.Config, cpu.Weights, hostWeights: loaded, kernels: EmulatedDeviceKernels.Instance);
    }
}
