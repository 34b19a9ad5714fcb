using GraphRag.Engine.Kernels;

namespace GraphRag.Cuda.Tests.Support;

/// <summary>
/// Plain attention in float64, straight from the definition: full score rows, max-subtracted softmax, weighted sum.
/// Same layouts and bottom-right causal mask as the kernels.
/// </summary>
public static class ReferenceAttention
{
    public static double[] Compute(float[] q, float[] k, float[] v, AttentionShape s)
    {
        int d = s.HeadDim, group = s.Heads / s.KvHeads;
        double scale = s.Scale ?? 1.0 / Math.Sqrt(d);
        var output = new double[s.QueryLength * s.Heads * d];
        var scores = new double[s.KeyLength];
        for (var h = 0; h < s.Heads; h++)
            for (var i = 0; i < s.QueryLength; i++)
            {
                var visible = s.Causal ? s.KeyLength - s.QueryLength + i + 1 : s.KeyLength;
                var max = double.NegativeInfinity;
                for (var j = 0; j < visible; j++)
                {
                    double dot = 0;
                    for (var x = 0; x < d; x++) dot += (double)q[(i * s.Heads + h) * d + x] * k[(j * s.KvHeads + h / group) * d + x];
                    scores[j] = dot * scale;
                    max = Math.Max(max, scores[j]);
                }
                double sum = 0;
                for (var j = 0; j < visible; j++) sum += scores[j] = Math.Exp(scores[j] - max);
                for (var x = 0; x < d; x++)
                {
                    double acc = 0;
                    for (var j = 0; j < visible; j++) acc += scores[j] * v[(j * s.KvHeads + h / group) * d + x];
                    output[(i * s.Heads + h) * d + x] = acc / sum;
                }
            }
        return output;
    }

    public static double MaxAbsDifference(ReadOnlySpan<float> actual, ReadOnlySpan<double> expected)
    {
        Assert.Equal(expected.Length, actual.Length);
        var max = 0.0;
        for (var i = 0; i < actual.Length; i++) max = Math.Max(max, Math.Abs(actual[i] - expected[i]));
        return max;
    }

    public static double MaxAbsDifference(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected)
    {
        Assert.Equal(expected.Length, actual.Length);
        var max = 0.0;
        for (var i = 0; i < actual.Length; i++) max = Math.Max(max, Math.Abs((double)actual[i] - expected[i]));
        return max;
    }
}
