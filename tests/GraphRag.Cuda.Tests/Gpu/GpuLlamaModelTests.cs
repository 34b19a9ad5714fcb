using System.Diagnostics;
using System.Text.Json;
using GraphRag.Cuda.Interop;
using GraphRag.Cuda.Models;
using GraphRag.Cuda.Tests.Support;
using GraphRag.Engine.IO;
using GraphRag.Generation.Models;
using GraphRag.Tests;

namespace GraphRag.Cuda.Tests.Gpu;

/// <summary>
/// The whole Llama forward pass on the GPU against the generator fixtures (tests/GraphRag.Generation.Tests/Fixtures/llama:
/// a tiny random Llama, expected logits from a float64 PyTorch reference; the fixture README recommends max abs
/// logit error ≤ 1e-4 and identical greedy tokens for a float32 engine).
/// </summary>
[Trait("Category", "Gpu")]
public sealed class GpuLlamaModelTests
{
    private const float LogitTolerance = 1e-4f;

    private static string Fixture(params string[] parts) => TestPaths.Repo(["tests", "GraphRag.Generation.Tests", "Fixtures", "llama", .. parts]);

    [Theory]
    [InlineData("model-f32.gguf", "expected")]
    [InlineData("model-q8_0.gguf", "expected_q8_0")]
    public void PromptLogits_MatchTheFixture(string modelFile, string expectedFolder)
    {
        GpuRequirement.DeviceOrSkip();
        using var loaded = ModelLoader.LoadGguf(Fixture(modelFile));
        var cpu = (LlamaModel)loaded.Model;
        using var model = CudaLlamaModel.Upload(cpu.Config, cpu.Weights);
        var prompts = Prompts();
        for (var p = 0; p < prompts.Length; p++)
        {
            using var session = model.CreateSession();
            var logits = new float[prompts[p].Length * cpu.Config.VocabSize];
            session.Forward(prompts[p], logits, allPositions: true);

            var expected = NpyReader.ReadFloat32(Fixture(expectedFolder, $"prompt{p}_logits.npy")).Data;
            var error = ReferenceAttention.MaxAbsDifference(logits, expected);
            Assert.True(error <= LogitTolerance, $"{modelFile} prompt {p}: max abs logit error {error:E2}");
        }
    }

    [Fact]
    public void GreedyDecode_ReproducesTheReferenceTokens_AndReportsTokensPerSecond()
    {
        GpuRequirement.DeviceOrSkip();
        using var loaded = ModelLoader.LoadGguf(Fixture("model-f32.gguf"));
        var cpu = (LlamaModel)loaded.Model;
        using var model = CudaLlamaModel.Upload(cpu.Config, cpu.Weights);
        using var json = JsonDocument.Parse(File.ReadAllText(Fixture("prompts.json")));
        var expected = json.RootElement.GetProperty("greedy_f32_model").GetProperty("pytorch_fp64_reference")
            .EnumerateArray().Select(a => a.EnumerateArray().Select(e => e.GetInt32()).ToArray()).ToArray();
        var prompts = Prompts();
        var logits = new float[cpu.Config.VocabSize];
        var generated = 0;
        var clock = Stopwatch.StartNew();
        for (var p = 0; p < prompts.Length; p++)
        {
            using var session = model.CreateSession();
            session.Forward(prompts[p], logits);
            var tokens = new List<int>();
            for (var step = 0; step < expected[p].Length; step++)
            {
                var next = Array.IndexOf(logits, logits.Max());
                tokens.Add(next);
                if (step + 1 < expected[p].Length) session.Forward([next], logits);
            }
            generated += tokens.Count;
            Assert.Equal(expected[p], tokens);
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"greedy decode on {CudaRuntime.DeviceName}: {generated / clock.Elapsed.TotalSeconds:F0} tokens/s (tiny fixture model, incl. prefill)");
    }

    private static int[][] Prompts()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Fixture("prompts.json")));
        return json.RootElement.GetProperty("prompts").EnumerateArray().Select(a => a.EnumerateArray().Select(e => e.GetInt32()).ToArray()).ToArray();
    }
}
