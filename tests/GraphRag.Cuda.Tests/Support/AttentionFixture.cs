using System.Text.Json;
using GraphRag.TestSupport;
using GraphRag.Tests;

namespace GraphRag.Cuda.Tests.Support;

/// <summary>
/// One case of the attention fixture (copied from ../shared/reference/generator/attention into Fixtures/attention):
/// Q [1, H, Sq, d], K/V [1, H, Sk, d] float32, outputs computed in float64 by PyTorch 1.13.1 and rounded to float32.
/// Arrays are returned token-major ([S, H·d]), the kernels' layout.
/// </summary>
public sealed record AttentionFixture(string Name, int Heads, int QueryLength, int KeyLength, int HeadDim,
    float[] Q, float[] K, float[] V, float[] Causal, float[] NonCausal)
{
    public static string Folder => TestPaths.Repo("tests", "GraphRag.Cuda.Tests", "Fixtures", "attention");

    public static IEnumerable<string> CaseNames()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")));
        return manifest.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToList();
    }

    public static AttentionFixture Load(string name)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")));
        var entry = manifest.RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
        var files = entry.GetProperty("files");
        var q = NpyReader.ReadFloat32(Path.Combine(Folder, files.GetProperty("q").GetString()!));
        var k = NpyReader.ReadFloat32(Path.Combine(Folder, files.GetProperty("k").GetString()!));
        int heads = q.Shape[1], qLen = q.Shape[2], d = q.Shape[3], kLen = k.Shape[2];
        float[] Read(string key) => TokenMajor(NpyReader.ReadFloat32(Path.Combine(Folder, files.GetProperty(key).GetString()!)).Data, heads, key == "k" || key == "v" ? kLen : qLen, d);
        return new AttentionFixture(name, heads, qLen, kLen, d, TokenMajor(q.Data, heads, qLen, d), TokenMajor(k.Data, heads, kLen, d),
            Read("v"), Read("out_causal"), Read("out_noncausal"));
    }

    /// <summary>The README's recommended tolerance: 1e-5 max abs, 5e-5 for the large-score case.</summary>
    public float Tolerance => Name.EndsWith("_large", StringComparison.Ordinal) ? 5e-5f : 1e-5f;

    /// <summary>[H, S, d] (batch 1) → [S, H·d].</summary>
    private static float[] TokenMajor(float[] headMajor, int heads, int length, int d)
    {
        var result = new float[headMajor.Length];
        for (var h = 0; h < heads; h++)
            for (var s = 0; s < length; s++)
                Array.Copy(headMajor, (h * length + s) * d, result, (s * heads + h) * d, d);
        return result;
    }
}
