using System.Text.Json;
using GraphRag.TestSupport;
using GraphRag.Tests;

namespace GraphRag.Generation.Tests;

/// <summary>
/// The tiny random-weight checkpoints copied from ../shared/reference/generator (see Fixtures/*/README.md:
/// expected logits are a float64 PyTorch re-implementation of HF modeling_llama.py / modeling_gpt2.py,
/// reproduced by llama.cpp and llama2.c to ≤ 9e-6; recommended tolerance 1e-4, greedy tokens exact).
/// </summary>
public static class Fixtures
{
    public const float LogitTolerance = 1e-4f;

    public static string Path(params string[] parts) =>
        TestPaths.Repo(["tests", "GraphRag.Generation.Tests", "Fixtures", .. parts]);

    public static int[][] Prompts(string family) => ReadJson(family, "prompts.json")
        .GetProperty("prompts").EnumerateArray().Select(p => p.EnumerateArray().Select(e => e.GetInt32()).ToArray()).ToArray();

    /// <summary>Greedy continuations, e.g. ("llama", "greedy_f32_model", "pytorch_fp64_reference").</summary>
    public static int[][] Greedy(string family, string group, string implementation) => ReadJson(family, "prompts.json")
        .GetProperty(group).GetProperty(implementation).EnumerateArray()
        .Select(p => p.EnumerateArray().Select(e => e.GetInt32()).ToArray()).ToArray();

    public static NpyArray<float> Logits(string family, string folder, string file) =>
        NpyReader.ReadFloat32(Path(family, folder, file));

    public static JsonElement ReadJson(params string[] parts) =>
        JsonDocument.Parse(File.ReadAllText(Path(parts))).RootElement;

    /// <summary>Largest |a − b| over all elements.</summary>
    public static float MaxAbsDifference(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected)
    {
        Assert.Equal(expected.Length, actual.Length);
        var max = 0f;
        for (var i = 0; i < expected.Length; i++)
            max = MathF.Max(max, MathF.Abs(actual[i] - expected[i]));
        return max;
    }

    public static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
                best = i;
        }
        return best;
    }
}
