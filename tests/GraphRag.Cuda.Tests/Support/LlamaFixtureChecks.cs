using System.Text.Json;
using GraphRag.TestSupport;
using GraphRag.Generation.Models;
using GraphRag.Tests;

namespace GraphRag.Cuda.Tests.Support;

/// <summary>
/// Checks of a decoder against the generator's llama fixtures (tests/GraphRag.Generation.Tests/Fixtures/llama: a tiny
/// random Llama, 4 heads of 16, 2 kv heads; logits from a float64 PyTorch reference; the README's tolerance for a
/// float32 engine: max abs logit error ≤ 1e-4 and identical greedy tokens).
/// </summary>
public static class LlamaFixtureChecks
{
    public const float LogitTolerance = 1e-4f;

    public static string Fixture(params string[] parts) => TestPaths.Repo(["tests", "GraphRag.Generation.Tests", "Fixtures", "llama", .. parts]);

    public static int[][] Prompts() => ReadTokenLists(json => json.GetProperty("prompts"));

    public static float[] ExpectedLogits(string folder, int prompt) => NpyReader.ReadFloat32(Fixture(folder, $"prompt{prompt}_logits.npy")).Data;

    /// <summary>Every prompt's logits at every position against <paramref name="expectedFolder"/>.</summary>
    public static void PromptLogitsMatch(IDecoderModel model, string expectedFolder)
    {
        var prompts = Prompts();
        for (var p = 0; p < prompts.Length; p++)
        {
            using var session = model.CreateSession();
            var logits = new float[prompts[p].Length * model.Config.VocabSize];
            session.Forward(prompts[p], logits, allPositions: true);

            var error = ReferenceAttention.MaxAbsDifference(logits, ExpectedLogits(expectedFolder, p));
            Assert.True(error <= LogitTolerance, $"{expectedFolder} prompt {p}: max abs logit error {error:E2}");
        }
    }

    /// <summary>Greedy continuations of every prompt (one token per step) equal the float64 reference's; returns tokens generated.</summary>
    public static int GreedyTokensMatch(IDecoderModel model)
    {
        var expected = ReadTokenLists(json => json.GetProperty("greedy_f32_model").GetProperty("pytorch_fp64_reference"));
        var prompts = Prompts();
        var logits = new float[model.Config.VocabSize];
        var generated = 0;
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
            Assert.Equal(expected[p], tokens);
            generated += tokens.Count;
        }
        return generated;
    }

    private static int[][] ReadTokenLists(Func<JsonElement, JsonElement> select)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Fixture("prompts.json")));
        return select(json.RootElement).EnumerateArray().Select(a => a.EnumerateArray().Select(e => e.GetInt32()).ToArray()).ToArray();
    }
}
