using GraphRag.Embeddings.Bert;

namespace GraphRag.Embeddings.Tests.Bert;

/// <summary>
/// Both packaged models on both backends, loaded once per test run (the encoders are thread-safe), and the
/// ONNX Runtime vectors of every parity text, each embedded alone: the oracle the engine is held to.
/// </summary>
public sealed class EncoderFixture : IDisposable
{
    private readonly Dictionary<(string, BertBackend), Lazy<BertSentenceEncoder>> _encoders = new();
    private readonly Dictionary<string, Lazy<float[][]>> _onnxSingles = new();

    public EncoderFixture()
    {
        foreach (var model in PretrainedBertModels.Names)
        {
            foreach (var backend in new[] { BertBackend.Onnx, BertBackend.Engine })
                _encoders[(model, backend)] = new Lazy<BertSentenceEncoder>(() => BertSentenceEncoder.Load(PretrainedBertModels.Resolve(model), backend, threads: 2));
            var onnx = _encoders[(model, BertBackend.Onnx)];
            _onnxSingles[model] = new Lazy<float[][]>(() => ParityTexts.All.Select(t => onnx.Value.Embed([t], EmbeddingRole.Document)[0]).ToArray());
        }
    }

    public static TheoryData<string> Models => new(PretrainedBertModels.Names);

    public BertSentenceEncoder Encoder(string model, BertBackend backend) => _encoders[(model, backend)].Value;

    /// <summary>ONNX Runtime's vector of each parity text, embedded on its own (no padding).</summary>
    public float[][] OnnxSingles(string model) => _onnxSingles[model].Value;

    public void Dispose()
    {
        foreach (var encoder in _encoders.Values.Where(e => e.IsValueCreated)) encoder.Value.Dispose();
    }

    public static double MaxAbsDiff(float[] a, float[] b)
    {
        Assert.Equal(a.Length, b.Length);
        double max = 0;
        for (var i = 0; i < a.Length; i++) max = Math.Max(max, Math.Abs(a[i] - b[i]));
        return max;
    }

    public static double Dot(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();
}
